package dev.orderflow.sender.circuit;

/** Why the channel's circuit is open, which decides how it is probed. */
public enum OpenReason {
  /** Sustained 5xx or timeouts: probe the API. */
  OUTAGE,
  /** The token was rejected even after re-reading the secret: re-read and probe. */
  CREDENTIALS,
  /** Account or configuration error (PERMANENT_CONFIG): alert, re-check rarely with a real send. */
  CONFIG
}
