/**
 * One vocabulary for retries and dead letters: hop types, an immutable policy per hop (in-process
 * pauses come from common's {@code Backoff}, with full jitter), and the records written to delay
 * tiers and the dead-letter topic with their headers.
 */
package dev.orderflow.sender.retry;
