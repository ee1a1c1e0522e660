package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A selection as the audit topic records it: enough to run the same selection again. */
final class SelectionJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SelectionJson() {}

  static ObjectNode of(Selection selection) {
    ObjectNode node = JSON.createObjectNode();
    node.set("topics", JSON.valueToTree(selection.topics()));
    node.set(
        "records", JSON.valueToTree(selection.records().stream().map(Object::toString).toList()));
    Filters f = selection.filters();
    ObjectNode filters = node.putObject("filters");
    filters.put("since", f.since() == null ? null : f.since().toString());
    filters.put("until", f.until() == null ? null : f.until().toString());
    filters.set("errorClasses", JSON.valueToTree(f.errorClasses()));
    filters.set("codes", JSON.valueToTree(f.codes()));
    filters.set("orderIds", JSON.valueToTree(f.orderIds()));
    filters.set("buyerIds", JSON.valueToTree(f.buyerIds()));
    filters.set("platforms", JSON.valueToTree(f.platforms()));
    filters.set("originalTopics", JSON.valueToTree(f.originalTopics()));
    ScanRange range = selection.range();
    ObjectNode offsets = node.putObject("range");
    offsets.set("partitions", JSON.valueToTree(range.partitions()));
    offsets.put("fromOffset", range.fromOffset()).put("toOffset", range.toOffset());
    node.put("skip", selection.skip());
    return node;
  }
}
