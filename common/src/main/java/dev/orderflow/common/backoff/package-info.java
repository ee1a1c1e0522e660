/**
 * Spacing out attempts: {@link dev.orderflow.common.backoff.Backoff} computes the pauses
 * (exponential, capped, jittered), {@link dev.orderflow.common.backoff.Sleeper} waits them out (or,
 * in tests, moves a clock).
 */
package dev.orderflow.common.backoff;
