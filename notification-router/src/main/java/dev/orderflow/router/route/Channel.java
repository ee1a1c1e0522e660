package dev.orderflow.router.route;

import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.render.ContentRenderer;
import dev.orderflow.router.render.InstagramRenderer;
import dev.orderflow.router.render.RenderSettings;
import dev.orderflow.router.render.WhatsAppRenderer;
import dev.orderflow.schema.Platform;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every platform the router can deliver to, and all it needs to know about each: the contact field
 * of the buyer, what a valid contact looks like, and how content is rendered. Adding a platform is
 * one constant here (plus the symbol in the Avro {@code Platform} enum).
 */
public enum Channel {
  WHATSAPP(
      Platform.WHATSAPP,
      "whatsappPhone",
      Buyer::whatsappPhone,
      Pattern.compile("\\+[1-9]\\d{7,14}").asMatchPredicate(),
      WhatsAppRenderer::new),
  INSTAGRAM(
      Platform.INSTAGRAM,
      "instagramScopedId",
      Buyer::instagramScopedId,
      Pattern.compile("[0-9A-Za-z_-]{1,64}").asMatchPredicate(),
      InstagramRenderer::new);

  private final Platform platform;
  private final String contactField;
  private final Function<Buyer, String> contact;
  private final Predicate<String> validContact;
  private final Function<RenderSettings, ContentRenderer> renderer;

  Channel(
      Platform platform,
      String contactField,
      Function<Buyer, String> contact,
      Predicate<String> validContact,
      Function<RenderSettings, ContentRenderer> renderer) {
    this.platform = platform;
    this.contactField = contactField;
    this.contact = contact;
    this.validContact = validContact;
    this.renderer = renderer;
  }

  /** The channel for a platform name as the buyers table stores it, case-insensitively. */
  public static Optional<Channel> forPlatform(String name) {
    return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(name.strip())).findFirst();
  }

  /** The channel of a platform of the Avro contract. */
  public static Channel of(Platform platform) {
    for (Channel channel : values()) {
      if (channel.platform == platform) {
        return channel;
      }
    }
    throw new IllegalArgumentException("no channel for platform " + platform);
  }

  public Platform platform() {
    return platform;
  }

  /** Lower-case name, as used in topic names and notification ids. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String defaultTopic() {
    return TopicNames.platformTopic(id());
  }

  String contactField() {
    return contactField;
  }

  String contactOf(Buyer buyer) {
    return contact.apply(buyer);
  }

  boolean isValidContact(String value) {
    return validContact.test(value);
  }

  ContentRenderer renderer(RenderSettings settings) {
    return renderer.apply(settings);
  }
}
