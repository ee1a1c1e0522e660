package dev.orderflow.instagram;

/**
 * Which of Meta's two Instagram messaging paths the configured token belongs to: Instagram Login
 * (graph.instagram.com) or Facebook Login through a Page (graph.facebook.com). Both send to {@code
 * /{version}/{id}/messages} with an explicit id, never {@code /me/messages}; they differ in the
 * host (the base URL in config), the id, and which field of {@code GET /me} the start-up probe
 * compares with that id.
 */
public enum InstagramHostStyle {
  /** graph.instagram.com: an Instagram User token and the IG professional account id. */
  INSTAGRAM_LOGIN("user_id"),
  /** graph.facebook.com: a Page token and the id of the Page linked to the IG account. */
  FACEBOOK_PAGE("id");

  private final String ownerIdField;

  InstagramHostStyle(String ownerIdField) {
    this.ownerIdField = ownerIdField;
  }

  /** The field of {@code GET /me} that must equal the configured account id. */
  String ownerIdField() {
    return ownerIdField;
  }
}
