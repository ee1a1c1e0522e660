package dev.orderflow.instagram;

import java.net.URI;

/**
 * Which of Meta's two Instagram messaging paths the configured token belongs to (meta-api-notes.md,
 * B1). Both send to {@code /{version}/{id}/messages} with an explicit id, never {@code
 * /me/messages}; they differ in the host, the id and how the start-up probe checks the token.
 */
public enum InstagramHostStyle {
  /** Instagram API with Instagram Login: an Instagram User token and the IG professional id. */
  INSTAGRAM_LOGIN(URI.create("https://graph.instagram.com"), "user_id"),
  /** Messenger Platform: a Page token and the id of the Page linked to the IG account. */
  FACEBOOK_PAGE(URI.create("https://graph.facebook.com"), "id");

  private final URI productionBaseUrl;
  private final String ownerIdField;

  InstagramHostStyle(URI productionBaseUrl, String ownerIdField) {
    this.productionBaseUrl = productionBaseUrl;
    this.ownerIdField = ownerIdField;
  }

  /** Meta's host for this style; config may point elsewhere (the simulator, a proxy). */
  public URI productionBaseUrl() {
    return productionBaseUrl;
  }

  /** The field of {@code GET /me} that must equal the configured account id. */
  String ownerIdField() {
    return ownerIdField;
  }
}
