/** The Kafka Streams topology: read OrderCreated, look the buyer up, route, render, split. */
package dev.orderflow.router.topology;
