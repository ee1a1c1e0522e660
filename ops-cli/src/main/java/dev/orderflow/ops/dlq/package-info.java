/**
 * {@code ops dlq}: list, show, count and safely replay the pipeline's dead letters (issue 5).
 *
 * <p>Reading never joins a consumer group and never commits offsets: it assigns partitions, reads a
 * bounded offset range with read_committed, and streams what matches. Replaying writes each record
 * and its progress mark in one Kafka transaction per batch, with one transactional id per source
 * topic, so a second run (or a resumed one) fences the first and skips what it replayed.
 *
 * <p>{@code ops order show} (issue 13) reads the same way, across the intake, route, status,
 * dead-letter and audit topics and the senders' ledger, to tell one order's story.
 */
package dev.orderflow.ops.dlq;
