package dev.orderflow.ingest.topology;

import dev.orderflow.ingest.intake.Assessor;
import dev.orderflow.ingest.outcome.RejectionWriter;
import java.time.Clock;
import java.time.Duration;

/**
 * What the topology is built from, besides its topics.
 *
 * @param dedupWindow how long an accepted order id is remembered
 */
public record IngestParts(
    Assessor assessor,
    RejectionWriter rejections,
    Duration dedupWindow,
    Clock clock,
    IngestMetrics metrics) {}
