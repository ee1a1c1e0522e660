package dev.orderflow.webhooks.receive;

import dev.orderflow.webhooks.http.Answer;
import dev.orderflow.webhooks.signature.WebhookAuthenticator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Meta's subscription check: {@code hub.mode=subscribe} with our verify token is answered 200 with
 * {@code hub.challenge} as the body; anything else 403.
 */
final class Handshake {
  static final String MODE = "hub.mode";
  static final String TOKEN = "hub.verify_token";
  static final String CHALLENGE = "hub.challenge";

  /** Meta sends a number; anything else is not echoed back into a response. */
  private static final Pattern CHALLENGE_FORM = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

  private final WebhookAuthenticator auth;

  Handshake(WebhookAuthenticator auth) {
    this.auth = auth;
  }

  Answer answer(Map<String, String> query) {
    String challenge = query.get(CHALLENGE);
    if (!"subscribe".equals(query.get(MODE))
        || challenge == null
        || !CHALLENGE_FORM.matcher(challenge).matches()) {
      return Answer.of(403, "not a subscription handshake\n");
    }
    if (!auth.acceptsVerifyToken(query.get(TOKEN))) {
      return Answer.of(403, "verify token refused\n");
    }
    return Answer.ok(challenge);
  }
}
