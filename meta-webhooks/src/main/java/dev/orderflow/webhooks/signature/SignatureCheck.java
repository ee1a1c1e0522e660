package dev.orderflow.webhooks.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>} against the HMAC-SHA256 of the raw body keyed
 * with the app secret, as Meta signs every webhook. The comparison is {@link
 * MessageDigest#isEqual}, whose time does not depend on where the bytes differ.
 */
public final class SignatureCheck {
  public static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";
  private static final int DIGEST_HEX_CHARS = 64;

  private SignatureCheck() {}

  /** What a request's signature header says about its body. */
  public enum Verdict {
    VALID,
    /** No header at all. */
    MISSING,
    /** Not {@code sha256=} followed by 64 hex digits. */
    MALFORMED,
    /** Well-formed, but not the body's HMAC under this secret. */
    MISMATCH
  }

  public static Verdict verify(byte[] body, String header, String appSecret) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    String value = header.strip();
    if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        || value.length() != PREFIX.length() + DIGEST_HEX_CHARS) {
      return Verdict.MALFORMED;
    }
    byte[] presented;
    try {
      presented = HexFormat.of().parseHex(value, PREFIX.length(), value.length());
    } catch (IllegalArgumentException e) {
      return Verdict.MALFORMED;
    }
    return MessageDigest.isEqual(presented, hmac(body, appSecret))
        ? Verdict.VALID
        : Verdict.MISMATCH;
  }

  /** The header value Meta would send for this body: {@code sha256=<lower-case hex>}. */
  public static String headerFor(byte[] body, String appSecret) {
    return PREFIX + HexFormat.of().formatHex(hmac(body, appSecret));
  }

  static byte[] hmac(byte[] body, String appSecret) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + ALGORITHM, e);
    }
  }
}
