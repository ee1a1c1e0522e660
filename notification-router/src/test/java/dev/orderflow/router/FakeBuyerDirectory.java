package dev.orderflow.router;

import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.buyer.BuyerDirectory;
import dev.orderflow.router.buyer.BuyerDirectoryUnavailableException;
import dev.orderflow.router.buyer.BuyerLookup;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory source of truth for buyers, which counts how often it is asked and can fail. */
public final class FakeBuyerDirectory implements BuyerDirectory {
  public final Map<String, Buyer> buyers = new ConcurrentHashMap<>();
  public final AtomicInteger calls = new AtomicInteger();
  public final AtomicInteger freshCalls = new AtomicInteger();

  /** The ids of each batch look-up, in call order. */
  public final List<List<String>> batches = new CopyOnWriteArrayList<>();

  public final List<List<String>> freshBatches = new CopyOnWriteArrayList<>();
  public volatile boolean failing;

  public FakeBuyerDirectory with(Buyer buyer) {
    buyers.put(buyer.buyerId(), buyer);
    return this;
  }

  @Override
  public BuyerLookup find(String buyerId) {
    calls.incrementAndGet();
    return answer(buyerId);
  }

  @Override
  public BuyerLookup findFresh(String buyerId) {
    freshCalls.incrementAndGet();
    return answer(buyerId);
  }

  @Override
  public Map<String, BuyerLookup> findAll(Collection<String> buyerIds) {
    batches.add(List.copyOf(buyerIds));
    calls.addAndGet(buyerIds.size());
    return answers(buyerIds);
  }

  @Override
  public Map<String, BuyerLookup> findAllFresh(Collection<String> buyerIds) {
    freshBatches.add(List.copyOf(buyerIds));
    freshCalls.addAndGet(buyerIds.size());
    return answers(buyerIds);
  }

  private Map<String, BuyerLookup> answers(Collection<String> buyerIds) {
    Map<String, BuyerLookup> answers = new LinkedHashMap<>();
    buyerIds.forEach(id -> answers.put(id, answer(id)));
    return answers;
  }

  private BuyerLookup answer(String buyerId) {
    if (failing) {
      throw new BuyerDirectoryUnavailableException(
          "down", new IllegalStateException("connection refused"));
    }
    Buyer buyer = buyers.get(buyerId);
    return buyer == null ? new BuyerLookup.Unknown(buyerId) : new BuyerLookup.Found(buyer);
  }
}
