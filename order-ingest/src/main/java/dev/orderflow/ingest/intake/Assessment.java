package dev.orderflow.ingest.intake;

import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ValidOrder;
import dev.orderflow.schema.SubmissionFormat;
import java.util.List;

/** The verdict on one submitted record, before comparing it with earlier submissions. */
public sealed interface Assessment {

  record Accepted(ValidOrder order, SubmissionFormat format, Integer schemaId)
      implements Assessment {}

  /**
   * @param vendorId as read, when it could be read; lets a vendor match the rejection to an order
   * @param vendorOrderId as read, when it could be read
   */
  record Refused(
      List<Reason> reasons,
      SubmissionFormat format,
      Integer schemaId,
      String vendorId,
      String vendorOrderId)
      implements Assessment {
    public Refused {
      reasons = List.copyOf(reasons);
    }
  }
}
