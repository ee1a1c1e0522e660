package dev.orderflow.ingest.topology;

import dev.orderflow.ingest.intake.Assessor;
import dev.orderflow.ingest.outcome.RejectionWriter;
import dev.orderflow.schema.OrderCreated;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;

/**
 * What the topology is built from, besides topic names.
 *
 * @param dedupWindow how long an accepted order id is remembered
 * @param createdSerde the registry-backed serde of OrderCreated
 */
public record IngestParts(
    Assessor assessor,
    RejectionWriter rejections,
    Serde<OrderCreated> createdSerde,
    Duration dedupWindow,
    Clock clock,
    IngestMetrics metrics) {}
