package dev.orderflow.ingest.intake;

import dev.orderflow.ingest.validation.OrderValidator;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import dev.orderflow.ingest.validation.ValidationResult;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates one record. A bug tripped by one odd record must not block its partition
 * forever, so any unexpected exception becomes an UNPROCESSABLE refusal (and an error log); only an
 * unreachable schema registry escapes, because then every Avro record would fail and waiting is
 * right.
 */
public final class Assessor {
  private static final Logger LOGGER = LoggerFactory.getLogger(Assessor.class);

  private final SubmissionParser parser;
  private final OrderValidator validator;

  public Assessor(SubmissionParser parser, OrderValidator validator) {
    this.parser = parser;
    this.validator = validator;
  }

  public Assessment assess(byte[] value, Instant now) {
    try {
      return switch (parser.parse(value)) {
        case ParseResult.Unreadable u ->
            new Assessment.Refused(u.reasons(), u.format(), u.schemaId(), null, null);
        case ParseResult.Readable r -> judge(r, now);
      };
    } catch (WriterSchemaUnavailableException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      LOGGER.error("record could not be processed; refusing it as UNPROCESSABLE", e);
      return new Assessment.Refused(
          List.of(
              Reason.ofRecord(
                  ReasonCode.UNPROCESSABLE,
                  "order-ingest failed on this record ("
                      + e.getClass().getSimpleName()
                      + "); it was refused so that later orders are not held up. Operations"
                      + " can see the cause in the service log.")),
          null,
          null,
          null,
          null);
    }
  }

  private Assessment judge(ParseResult.Readable read, Instant now) {
    return switch (validator.validate(read.draft(), now)) {
      case ValidationResult.Valid v ->
          new Assessment.Accepted(v.order(), read.format(), read.schemaId());
      case ValidationResult.Invalid i ->
          new Assessment.Refused(
              i.reasons(),
              read.format(),
              read.schemaId(),
              read.draft().vendorId(),
              read.draft().orderId());
    };
  }
}
