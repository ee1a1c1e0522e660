package dev.orderflow.sender.api;

/**
 * A platform's access token and the account it addresses (WhatsApp phone-number id, Instagram
 * account id or page id). {@link #toString()} never shows the token.
 */
public record Credentials(String token, String accountId) {

  @Override
  public String toString() {
    return "Credentials[accountId=" + accountId + ", token=***]";
  }
}
