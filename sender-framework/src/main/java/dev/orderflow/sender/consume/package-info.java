/**
 * A key-ordered, concurrency-bounded Kafka consume loop with manual commits of finished offsets
 * only, pause/resume per partition and rebalance-safe draining.
 */
package dev.orderflow.sender.consume;
