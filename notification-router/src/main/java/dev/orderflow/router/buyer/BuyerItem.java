package dev.orderflow.router.buyer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The attribute names of a {@code buyers} item and their mapping to {@link Buyer}. */
public final class BuyerItem {
  public static final String BUYER_ID = "buyerId";
  public static final String PLATFORM = "platform";
  public static final String WHATSAPP_PHONE = "whatsappPhone";
  public static final String INSTAGRAM_SCOPED_ID = "instagramScopedId";
  public static final String DISPLAY_NAME = "displayName";
  public static final String LOCALE = "locale";
  public static final String OPTED_OUT = "optedOut";
  public static final String UPDATED_AT = "updatedAt";

  /**
   * Epoch ms (N) of the buyer's newest inbound message, written only by the inbound recorder and
   * only forwards (Meta repeats and reorders deliveries).
   */
  public static final String LAST_INBOUND_AT = "lastInboundAt";

  /**
   * Epoch ms (N) of the inbound STOP or START that set {@link #OPTED_OUT}: a keyword older than the
   * one already applied changes nothing, so a reordered STOP/START ends as the buyer meant.
   */
  public static final String OPT_OUT_CHANGED_AT = "optOutChangedAt";

  /** Global secondary index on {@link #WHATSAPP_PHONE}: an inbound message names the phone. */
  public static final String WHATSAPP_PHONE_INDEX = "whatsappPhone-index";

  /** Global secondary index on {@link #INSTAGRAM_SCOPED_ID}, for Instagram's inbound messages. */
  public static final String INSTAGRAM_SCOPED_ID_INDEX = "instagramScopedId-index";

  private BuyerItem() {}

  static Buyer toBuyer(String buyerId, Map<String, AttributeValue> item) {
    return new Buyer(
        buyerId,
        string(item, PLATFORM),
        string(item, WHATSAPP_PHONE),
        string(item, INSTAGRAM_SCOPED_ID),
        string(item, DISPLAY_NAME),
        string(item, LOCALE),
        Boolean.TRUE.equals(bool(item, OPTED_OUT)),
        instant(item.get(UPDATED_AT)),
        instant(item.get(LAST_INBOUND_AT)));
  }

  private static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null || value.s() == null || value.s().isBlank()) {
      return null;
    }
    return value.s().strip();
  }

  private static Boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.bool();
  }

  /** Accepts ISO-8601 text or epoch milliseconds; the time is informational, so junk is null. */
  private static Instant instant(AttributeValue value) {
    if (value == null) {
      return null;
    }
    try {
      if (value.n() != null) {
        return Instant.ofEpochMilli(Long.parseLong(value.n()));
      }
      return value.s() == null ? null : Instant.parse(value.s());
    } catch (NumberFormatException | DateTimeParseException e) {
      return null;
    }
  }
}
