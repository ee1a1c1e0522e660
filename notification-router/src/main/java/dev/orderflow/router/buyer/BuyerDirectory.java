package dev.orderflow.router.buyer;

/**
 * Port to the buyers the platform's registration flow has written.
 *
 * <p>Both methods throw {@link BuyerDirectoryUnavailableException} when the directory cannot answer
 * (throttled, down): "unavailable" must never be mistaken for "unknown".
 */
public interface BuyerDirectory {

  /** Looks a buyer up; implementations may answer from a cache. */
  BuyerLookup find(String buyerId);

  /**
   * Looks a buyer up in the source of truth, bypassing any cached answer; used before an order is
   * declared unroutable because its buyer is unknown.
   */
  default BuyerLookup findFresh(String buyerId) {
    return find(buyerId);
  }
}
