package dev.orderflow.sender.circuit;

/** Why the channel's circuit is open, which decides how it is probed. */
public enum OpenReason {
  /** Sustained 5xx or timeouts: probe the API. */
  OUTAGE,
  /** The token was rejected even after re-reading the secret: re-read and probe. */
  CREDENTIALS,
  /** Account or configuration error (PERMANENT_CONFIG): alert, re-check rarely with a real send. */
  CONFIG,
  /**
   * The schema registry cannot be reached, so no record can be decoded: probe by decoding the
   * record that found it away. Nothing is dead-lettered meanwhile.
   */
  REGISTRY,
  /**
   * Kafka refuses every copy of a record, even its compact dead letter (authorization, a size limit
   * the compact form exceeds): a deployment fault like CONFIG, alerted and re-checked as rarely.
   */
  FORWARD;

  /** Whether a probe cannot see the fault, so it is re-checked only after the config recheck. */
  public boolean recheckedRarely() {
    return this == CONFIG || this == FORWARD;
  }
}
