package dev.orderflow.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {
  @Test
  void phoneKeepsCountryCodeAndLastTwoDigits() {
    assertThat(Redact.phone("+2348012345678")).isEqualTo("+234********78");
    assertThat(Redact.phone("+14155550123")).isEqualTo("+1********23");
    assertThat(Redact.phone("+447911123456")).isEqualTo("+44********56");
    assertThat(Redact.phone("2348012345678")).isEqualTo("234********78");
  }

  @Test
  void somethingThatIsNotAPhoneNumberIsFullyMasked() {
    assertThat(Redact.phone("call me")).isEqualTo("****");
    assertThat(Redact.phone("+12")).isEqualTo("****");
  }

  @Test
  void tokenBecomesAStableFingerprintThatHidesIt() {
    String token = "EAAGm0PX4ZCpsBA1b2c3d4e5f6g7h8i9j0";

    assertThat(Redact.token(token))
        .matches("\\*\\*\\*\\*\\(sha256:[0-9a-f]{8}\\)")
        .doesNotContain("EAAG")
        .isEqualTo(Redact.token(token))
        .isNotEqualTo(Redact.token(token + "x"));
  }

  @Test
  void freeTextLosesEveryPhoneAndTokenShape() {
    String text =
        "POST /v21.0/123/messages?access_token=abc123def456 "
            + "{\"to\":\"2348012345678\",\"text\":\"hi\"} Authorization: Bearer abcdefghijklmnop "
            + "user token EAAGm0PX4ZCpsBA1b2c3d4e5f6g7h8i9j0 ig IGQVJ1234567890abcdefghij "
            + "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl from +2348098765432.";

    assertThat(Redact.text(text))
        .contains("access_token=****")
        .contains("\"to\":\"234********78\"")
        .contains("Authorization: Bearer ****")
        .contains("EAA****", "IGQV****", "eyJ****")
        .contains("from +234********32.")
        .doesNotContain("abc123def456", "8012345678", "abcdefghijklmnop", "Gm0PX4", "eyJzdWIi");
  }

  @Test
  void ordinaryNumbersAndWordsAreLeftAlone() {
    String text =
        "offset=1764000000000 partition=3 order=ORD-12345 tokens=4 the bearer of news"
            + " {\"totalMinor\":138000000} topic=notify.whatsapp.v1 from 1764000000000";

    assertThat(Redact.text(text)).isEqualTo(text);
  }
}
