package dev.orderflow.webhooks.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.webhooks.signature.SignatureCheck.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {
  // RFC 4231-style public vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy
  // dog").
  private static final byte[] BODY =
      "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
  private static final String HEX =
      "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

  @Test
  void theHeaderOfAKnownVectorIsValid() {
    assertThat(SignatureCheck.headerFor(BODY, "key")).isEqualTo("sha256=" + HEX);
    assertThat(SignatureCheck.verify(BODY, "sha256=" + HEX, "key")).isEqualTo(Verdict.VALID);
  }

  @Test
  void upperCaseHexAndSurroundingSpaceAreAccepted() {
    assertThat(SignatureCheck.verify(BODY, " SHA256=" + HEX.toUpperCase() + " ", "key"))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void anotherSecretOrOneChangedByteIsAMismatch() {
    byte[] changed = BODY.clone();
    changed[0] = 't';

    assertThat(SignatureCheck.verify(BODY, "sha256=" + HEX, "other")).isEqualTo(Verdict.MISMATCH);
    assertThat(SignatureCheck.verify(changed, "sha256=" + HEX, "key")).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void aMissingHeaderIsMissing() {
    assertThat(SignatureCheck.verify(BODY, null, "key")).isEqualTo(Verdict.MISSING);
    assertThat(SignatureCheck.verify(BODY, "  ", "key")).isEqualTo(Verdict.MISSING);
  }

  @Test
  void headersThatAreNotSha256HexAreMalformed() {
    assertThat(SignatureCheck.verify(BODY, HEX, "key"))
        .as("no prefix")
        .isEqualTo(Verdict.MALFORMED);
    assertThat(SignatureCheck.verify(BODY, "sha1=" + HEX.substring(0, 40), "key"))
        .as("the old SHA-1 header")
        .isEqualTo(Verdict.MALFORMED);
    assertThat(SignatureCheck.verify(BODY, "sha256=" + HEX.substring(2), "key"))
        .as("too short")
        .isEqualTo(Verdict.MALFORMED);
    assertThat(SignatureCheck.verify(BODY, "sha256=" + "zz" + HEX.substring(2), "key"))
        .as("not hex")
        .isEqualTo(Verdict.MALFORMED);
  }
}
