/**
 * Avro serde in the Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary)
 * against a schema registry, with one typed {@link dev.orderflow.common.serde.WireFormatException}
 * for every way a record can be unreadable or unwritable.
 */
package dev.orderflow.common.serde;
