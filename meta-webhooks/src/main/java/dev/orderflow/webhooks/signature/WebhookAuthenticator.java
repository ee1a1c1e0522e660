package dev.orderflow.webhooks.signature;

import dev.orderflow.common.secrets.CachedJsonSecret;
import dev.orderflow.webhooks.signature.SignatureCheck.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Authenticates what Meta sends with the keys of the credentials secret. A signature mismatch
 * re-reads the secret once (rate-limited by {@link CachedJsonSecret}) and checks again, so a
 * rotated app secret is picked up by the first webhook signed with it rather than after the next
 * scheduled refresh. Both checks throw {@link
 * dev.orderflow.common.secrets.SecretUnavailableException} when no secret can be read.
 */
public final class WebhookAuthenticator {
  private final CachedJsonSecret<WebhookSecrets> secrets;

  public WebhookAuthenticator(CachedJsonSecret<WebhookSecrets> secrets) {
    this.secrets = secrets;
  }

  /** The verdict on {@code X-Hub-Signature-256} for this raw body. */
  public Verdict signature(byte[] body, String header) {
    Verdict verdict = SignatureCheck.verify(body, header, secrets.current().appSecret());
    if (verdict != Verdict.MISMATCH) {
      return verdict;
    }
    Optional<WebhookSecrets> rotated = secrets.rereadIfChanged();
    return rotated.isPresent()
        ? SignatureCheck.verify(body, header, rotated.get().appSecret())
        : verdict;
  }

  /**
   * Whether the handshake's {@code hub.verify_token} is ours, compared in time that depends only on
   * the presented token's length.
   */
  public boolean acceptsVerifyToken(String presented) {
    if (presented == null) {
      return false;
    }
    byte[] expected = secrets.current().verifyToken().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected);
  }

  /** Whether the secret has been read (the readiness check); reads it when it has not. */
  public boolean hasSecret() {
    secrets.current();
    return true;
  }
}
