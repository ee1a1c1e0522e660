package dev.orderflow.router.route;

/** Why an order reached no platform; written as the {@code unroutable.reason} header. */
public enum UnroutableReason {
  /** No buyer with this id, even after the re-check for one who just registered. */
  UNKNOWN_BUYER,
  /** The buyer has no platform recorded. */
  NO_PLATFORM,
  /** The buyer has a platform but no usable contact id for it. */
  NO_CONTACT,
  /** The buyer asked not to be messaged. */
  OPTED_OUT,
  /** The buyer's platform is not one the router delivers to. */
  UNSUPPORTED_PLATFORM
}
