package dev.orderflow.router.buyer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the buyers the platform's registration flow has written.
 *
 * <p>Every look-up method throws {@link BuyerDirectoryUnavailableException} when the directory
 * cannot answer (throttled, down): "unavailable" must never be mistaken for "unknown".
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

  /**
   * Looks several buyers up at once (one round trip where the source allows it); the answer has an
   * entry for every id asked for.
   */
  default Map<String, BuyerLookup> findAll(Collection<String> buyerIds) {
    Map<String, BuyerLookup> answers = new LinkedHashMap<>();
    buyerIds.forEach(id -> answers.put(id, find(id)));
    return answers;
  }

  /** {@link #findAll} from the source of truth, bypassing any cached answer. */
  default Map<String, BuyerLookup> findAllFresh(Collection<String> buyerIds) {
    Map<String, BuyerLookup> answers = new LinkedHashMap<>();
    buyerIds.forEach(id -> answers.put(id, findFresh(id)));
    return answers;
  }

  /** The answer already at hand, without a call; empty when only a call could tell. */
  default Optional<BuyerLookup> cached(String buyerId) {
    return Optional.empty();
  }
}
