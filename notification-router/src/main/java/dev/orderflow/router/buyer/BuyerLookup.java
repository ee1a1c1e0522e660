package dev.orderflow.router.buyer;

/** What the directory knows about a buyer id: the buyer, or that no such buyer is registered. */
public sealed interface BuyerLookup {

  String buyerId();

  record Found(Buyer buyer) implements BuyerLookup {
    @Override
    public String buyerId() {
      return buyer.buyerId();
    }
  }

  record Unknown(String buyerId) implements BuyerLookup {}
}
