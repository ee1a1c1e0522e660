/**
 * {@code ops provision}: makes Kafka topics, DynamoDB tables, registry compatibility and the
 * credentials secret match the declarative pipeline file, without ever deleting or shrinking.
 */
package dev.orderflow.ops.provision;
