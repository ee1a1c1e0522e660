/** Integration tests on the real stack: Kafka, the schema registry and dynalite. */
package dev.orderflow.router.it;
