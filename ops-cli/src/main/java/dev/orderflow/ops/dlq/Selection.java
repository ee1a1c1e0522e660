package dev.orderflow.ops.dlq;

import java.util.List;

/**
 * What a command reads: topics, offsets, filters and a page of the matches ({@code skip} matches
 * skipped, then at most {@code limit}; 0 means no limit). With explicit {@code records}, exactly
 * those are read and the topic, range and paging are ignored; the filters still apply.
 */
record Selection(
    List<String> topics,
    ScanRange range,
    Filters filters,
    long skip,
    long limit,
    List<Coordinates> records) {

  Selection {
    topics = List.copyOf(topics);
    records = List.copyOf(records);
    if (skip < 0 || limit < 0) {
      throw new IllegalArgumentException("--offset and --limit must be >= 0");
    }
  }

  boolean explicit() {
    return !records.isEmpty();
  }
}
