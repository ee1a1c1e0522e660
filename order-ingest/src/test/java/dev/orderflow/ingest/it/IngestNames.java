package dev.orderflow.ingest.it;

import dev.orderflow.testsupport.TestStack;
import java.util.UUID;

/** Topic names, application id and instance id unique to one test (or one benchmark run). */
record IngestNames(
    String applicationId, String submitted, String created, String rejected, String instance) {

  static IngestNames of(TestStack stack) {
    return new IngestNames(
        stack.uniqueName("order-ingest"),
        stack.uniqueTopic("orders.submitted.v1"),
        stack.uniqueTopic("orders.created.v1"),
        stack.uniqueTopic("orders.rejected.v1"),
        "it");
  }

  /** Another application reading the same submissions, with outputs of its own. */
  IngestNames variant(String name) {
    String tag = name.replaceAll("[^A-Za-z0-9]", "");
    return new IngestNames(
        applicationId + "-" + tag,
        submitted,
        created.replace(".orders.created", "." + tag + ".orders.created"),
        rejected.replace(".orders.rejected", "." + tag + ".orders.rejected"),
        instance + "-" + tag);
  }

  static IngestNames random(String prefix) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return new IngestNames(
        prefix + "-" + suffix,
        prefix + "." + suffix + ".orders.submitted.v1",
        prefix + "." + suffix + ".orders.created.v1",
        prefix + "." + suffix + ".orders.rejected.v1",
        prefix);
  }
}
