package dev.orderflow.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.sender.api.MetaError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhatsAppErrorTableTest {
  private final WhatsAppErrorTable table = new WhatsAppErrorTable();

  // Every code WhatsAppErrorTable knows, with the HTTP status Graph pairs with it.
  @ParameterizedTest(name = "code {0} (HTTP {1}) is {2}")
  @CsvSource({
    "0, 401, REFRESH",
    "1, 400, RETRY",
    "2, 503, RETRY",
    "3, 500, PERMANENT_CONFIG",
    "4, 429, BACKOFF",
    "10, 403, PERMANENT_CONFIG",
    "100, 400, PERMANENT",
    "102, 401, REFRESH",
    "190, 401, REFRESH",
    "200, 403, PERMANENT_CONFIG",
    "250, 403, PERMANENT_CONFIG",
    "299, 403, PERMANENT_CONFIG",
    "368, 403, PERMANENT_CONFIG",
    "80007, 429, BACKOFF",
    "130429, 429, BACKOFF",
    "130472, 400, PERMANENT",
    "130497, 403, PERMANENT",
    "131000, 500, RETRY",
    "131005, 403, PERMANENT_CONFIG",
    "131008, 400, PERMANENT",
    "131009, 400, PERMANENT",
    "131016, 503, RETRY",
    "131021, 400, PERMANENT",
    "131026, 400, PERMANENT",
    "131030, 400, PERMANENT_CONFIG",
    "131031, 403, PERMANENT_CONFIG",
    "131042, 400, PERMANENT_CONFIG",
    "131045, 400, PERMANENT_CONFIG",
    "131047, 400, PERMANENT",
    "131048, 400, BACKOFF",
    "131048, 429, BACKOFF",
    "131049, 400, BACKOFF",
    "131050, 400, PERMANENT",
    "131051, 400, PERMANENT",
    "131053, 400, PERMANENT",
    "131056, 429, BACKOFF",
    "131057, 500, RETRY",
    "132000, 400, PERMANENT",
    "132001, 404, PERMANENT",
    "132005, 400, PERMANENT",
    "132007, 400, PERMANENT",
    "132012, 400, PERMANENT",
    "132015, 400, PERMANENT",
    "132016, 400, PERMANENT",
    "133010, 400, PERMANENT_CONFIG",
    "135000, 400, PERMANENT",
  })
  void everyDocumentedCodeHasItsClass(int code, int httpStatus, ErrorClass expected) {
    assertThat(table.classify(error(httpStatus, code, null))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "190/{0} is {1}")
  @CsvSource({
    "460, PERMANENT_CONFIG",
    "458, PERMANENT_CONFIG",
    "459, PERMANENT_CONFIG",
    "464, PERMANENT_CONFIG",
    "463, REFRESH",
    "467, REFRESH",
  })
  void expiredTokenNeedingAPersonPausesTheChannelInsteadOfRefreshing(
      int subcode, ErrorClass expected) {
    assertThat(table.classify(error(401, 190, subcode))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "code 130429 with subcode {0} is still BACKOFF")
  @CsvSource({"2494055", "460"})
  void aSubcodeOutsideCode190DoesNotChangeTheClass(int subcode) {
    assertThat(table.classify(error(429, 130429, subcode))).isEqualTo(ErrorClass.BACKOFF);
  }

  @ParameterizedTest(name = "unknown code 999999 with HTTP {0} is {1}")
  @CsvSource({
    "500, RETRY",
    "502, RETRY",
    "503, RETRY",
    "429, BACKOFF",
    "401, REFRESH",
    "403, PERMANENT_CONFIG",
    "400, PERMANENT",
    "404, PERMANENT",
    "422, PERMANENT",
  })
  void anUnknownCodeIsClassifiedByHttpStatus(int httpStatus, ErrorClass expected) {
    assertThat(table.classify(error(httpStatus, 999_999, null))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "no code with HTTP {0} is {1}")
  @CsvSource({"0, RETRY", "504, RETRY", "429, BACKOFF", "401, REFRESH", "403, PERMANENT_CONFIG"})
  void anErrorWithoutCodeIsClassifiedByHttpStatus(int httpStatus, ErrorClass expected) {
    assertThat(table.classify(error(httpStatus, null, null))).isEqualTo(expected);
  }

  private static MetaError error(int httpStatus, Integer code, Integer subcode) {
    return new MetaError(httpStatus, code, subcode, "test", "trace");
  }
}
