/** Writer schemas for Avro submissions, from the schema registry, with outage handling. */
package dev.orderflow.ingest.registry;
