package dev.orderflow.ops.dlq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The filters and paging every reading command shares. */
final class SelectionOptions {
  @Option(
      names = {"-t", "--topic"},
      paramLabel = "TOPIC",
      split = ",",
      description = "Dead-letter topic(s) to read (default: every dead-letter topic that exists).")
  List<String> topics = new ArrayList<>();

  @Option(
      names = "--since",
      paramLabel = "TIME",
      converter = TimeConverter.class,
      description = "Parked at or after: 2026-05-01T10:00:00Z, 2026-05-01, or an age (2h, 7d).")
  Instant since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      converter = TimeConverter.class,
      description = "Parked before this time (same forms as --since).")
  Instant until;

  @Option(
      names = "--error-class",
      paramLabel = "CLASS",
      split = ",",
      description =
          "A sender's error class (RETRY, BACKOFF, REFRESH, PERMANENT, PERMANENT_CONFIG),"
              + " UNROUTABLE, or an exception name (WireFormatException…)")
  Set<String> errorClasses = new LinkedHashSet<>();

  @Option(
      names = "--code",
      paramLabel = "CODE",
      split = ",",
      description = "Error code: Meta's (131026), an unroutable reason (UNKNOWN_BUYER)…")
  Set<String> codes = new LinkedHashSet<>();

  @Option(names = "--order-id", paramLabel = "ID", split = ",", description = "Order id(s).")
  Set<String> orderIds = new LinkedHashSet<>();

  @Option(names = "--buyer-id", paramLabel = "ID", split = ",", description = "Buyer id(s).")
  Set<String> buyerIds = new LinkedHashSet<>();

  @Option(
      names = "--platform",
      paramLabel = "NAME",
      split = ",",
      description = "whatsapp or instagram.")
  Set<String> platforms = new LinkedHashSet<>();

  @Option(
      names = "--original-topic",
      paramLabel = "TOPIC",
      split = ",",
      description = "The topic the record was parked from.")
  Set<String> originalTopics = new LinkedHashSet<>();

  @Option(
      names = "--partition",
      paramLabel = "N",
      split = ",",
      description = "Read only these partitions of each topic.")
  Set<Integer> partitions = new LinkedHashSet<>();

  @Option(
      names = "--from-offset",
      paramLabel = "OFFSET",
      description = "First offset to read in each partition.")
  Long fromOffset;

  @Option(
      names = "--to-offset",
      paramLabel = "OFFSET",
      description = "Last offset to read in each partition (inclusive).")
  Long toOffset;

  @Option(
      names = "--offset",
      paramLabel = "N",
      defaultValue = "0",
      description = "Skip the first N matches (paging; default: ${DEFAULT-VALUE}).")
  long skip;

  Filters filters() {
    try {
      return new Filters(
          since, until, errorClasses, codes, orderIds, buyerIds, platforms, originalTopics);
    } catch (IllegalArgumentException e) {
      throw DlqException.usage(e.getMessage());
    }
  }

  Selection selection(long limit, List<Coordinates> records) {
    try {
      return new Selection(
          topics, new ScanRange(partitions, fromOffset, toOffset), filters(), skip, limit, records);
    } catch (IllegalArgumentException e) {
      throw DlqException.usage(e.getMessage());
    }
  }
}
