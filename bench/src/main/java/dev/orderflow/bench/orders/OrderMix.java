package dev.orderflow.bench.orders;

/**
 * The shares of each kind of order in a run; they must add up to 1.
 *
 * @param invalid orders the intake refuses (bad total, unknown currency, zero quantity)
 * @param unknownBuyer valid orders for a buyer the directory does not know
 * @param optedOut valid orders for a buyer who opted out
 * @param noPlatform valid orders for a buyer registered without a platform
 */
public record OrderMix(
    double whatsapp,
    double instagram,
    double invalid,
    double unknownBuyer,
    double optedOut,
    double noPlatform) {

  public OrderMix {
    double[] shares = {whatsapp, instagram, invalid, unknownBuyer, optedOut, noPlatform};
    double sum = 0;
    for (double share : shares) {
      if (share < 0 || share > 1) {
        throw new IllegalArgumentException("mix: every share must be within 0..1, got " + share);
      }
      sum += share;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("mix: shares must add up to 1, got " + sum);
    }
  }

  /** Mostly deliverable, with every kind of trouble present: what a marketplace day looks like. */
  public static OrderMix realistic() {
    return new OrderMix(0.55, 0.30, 0.05, 0.04, 0.03, 0.03);
  }

  /** Only deliverable orders, split like the realistic mix: for throughput runs. */
  public static OrderMix deliverableOnly() {
    return new OrderMix(0.65, 0.35, 0, 0, 0, 0);
  }

  /**
   * Parses {@code whatsapp=0.55,instagram=0.3,...}; kinds left out get 0.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static OrderMix parse(String text) {
    double[] shares = new double[OrderKind.values().length];
    for (String part : text.split(",")) {
      String[] pair = part.split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException("mix: expected kind=share, got '" + part + "'");
      }
      OrderKind kind = OrderKind.parse(pair[0]);
      try {
        shares[kind.ordinal()] = Double.parseDouble(pair[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("mix: '" + pair[1] + "' is not a number", e);
      }
    }
    return new OrderMix(shares[0], shares[1], shares[2], shares[3], shares[4], shares[5]);
  }

  /** The kind for a uniform draw in [0, 1). */
  public OrderKind pick(double draw) {
    double[] cumulative = {whatsapp, instagram, invalid, unknownBuyer, optedOut, noPlatform};
    double edge = 0;
    for (int i = 0; i < cumulative.length; i++) {
      edge += cumulative[i];
      if (draw < edge) {
        return OrderKind.values()[i];
      }
    }
    return OrderKind.WHATSAPP;
  }

  @Override
  public String toString() {
    return "whatsapp=%s,instagram=%s,invalid=%s,unknownBuyer=%s,optedOut=%s,noPlatform=%s"
        .formatted(whatsapp, instagram, invalid, unknownBuyer, optedOut, noPlatform);
  }
}
