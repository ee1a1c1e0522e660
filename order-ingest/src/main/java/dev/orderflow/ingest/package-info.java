/**
 * order-ingest: turns each submitted order into one OrderCreated or one rejection, exactly once.
 */
package dev.orderflow.ingest;
