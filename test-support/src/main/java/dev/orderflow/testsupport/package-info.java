/** Real Kafka, schema registry and DynamoDB for tests, with names unique per test. */
package dev.orderflow.testsupport;
