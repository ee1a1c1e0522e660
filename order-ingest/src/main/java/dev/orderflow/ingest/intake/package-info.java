/**
 * Reading submitted bytes (JSON or Confluent-framed Avro) into draft orders, never throwing on bad
 * input.
 */
package dev.orderflow.ingest.intake;
