/** The pipeline's Avro contracts as generated classes, and the trust Avro needs to build them. */
package dev.orderflow.schema;
