/** Throughput benchmark of the router against a passthrough topology on the same broker. */
package dev.orderflow.router.bench;
