/**
 * A stop-gap Confluent-compatible registry client (writer schemas by id, OrderCreated's serde),
 * until common's serde package is available; only this package would change when it is.
 */
package dev.orderflow.ingest.registry;
