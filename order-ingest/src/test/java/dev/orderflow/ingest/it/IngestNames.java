package dev.orderflow.ingest.it;

import java.util.UUID;

/** Topic and application names unique to one test, so tests never see each other's records. */
record IngestNames(String suffix) {
  static IngestNames unique() {
    return new IngestNames(UUID.randomUUID().toString().substring(0, 8));
  }

  String applicationId() {
    return "order-ingest-it-" + suffix;
  }

  String submitted() {
    return "it-" + suffix + ".orders.submitted.v1";
  }

  String created() {
    return "it-" + suffix + ".orders.created.v1";
  }

  String rejected() {
    return "it-" + suffix + ".orders.rejected.v1";
  }
}
