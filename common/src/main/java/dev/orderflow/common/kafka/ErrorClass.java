package dev.orderflow.common.kafka;

/**
 * What the sender does about a failed call; each platform's error table maps Meta's codes (and the
 * HTTP status) onto these.
 */
public enum ErrorClass {
  /** Transient: retry the same payload with backoff and jitter, a capped number of times. */
  RETRY,
  /** Throttled: slow down and requeue later; never counts as a failed attempt. */
  BACKOFF,
  /** Credentials: re-read the secret, retry once, then pause the channel. */
  REFRESH,
  /** This message cannot be delivered as it is: dead-letter it at once. */
  PERMANENT,
  /** The account or configuration is broken: pause the channel and alert, do not dead-letter. */
  PERMANENT_CONFIG
}
