package dev.orderflow.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.sender.api.MetaError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstagramErrorTableTest {
  private final InstagramErrorTable table = new InstagramErrorTable();

  // Every row InstagramErrorTable knows; an empty subcode means none was sent. The HTTP
  // status is the one Graph usually pairs with the code; the code decides, not the status.
  @ParameterizedTest(name = "{0}/{1} (HTTP {2}) is {3}")
  @CsvSource({
    "1, 99, 500, RETRY",
    "1, , 500, RETRY",
    "2, , 503, RETRY",
    "2, 1545133, 503, RETRY",
    "4, , 429, BACKOFF",
    "10, , 403, PERMANENT_CONFIG",
    "10, 2018278, 400, PERMANENT",
    "10, 2534022, 400, PERMANENT",
    "17, , 429, BACKOFF",
    "32, , 429, BACKOFF",
    "100, , 400, PERMANENT",
    "100, 33, 400, PERMANENT_CONFIG",
    "100, 2018001, 400, PERMANENT",
    "190, , 401, REFRESH",
    "190, 463, 401, REFRESH",
    "190, 467, 401, REFRESH",
    "190, 460, 401, PERMANENT_CONFIG",
    "190, 458, 401, PERMANENT_CONFIG",
    "190, 459, 401, PERMANENT_CONFIG",
    "190, 464, 401, PERMANENT_CONFIG",
    "102, , 401, REFRESH",
    "0, , 401, REFRESH",
    "200, , 403, PERMANENT_CONFIG",
    "230, , 403, PERMANENT_CONFIG",
    "551, 1545041, 400, PERMANENT",
    "613, , 429, BACKOFF",
    "80002, , 429, BACKOFF",
    "80006, , 429, BACKOFF",
  })
  void everyDocumentedCodeAndSubcodeHasItsClass(
      int code, Integer subcode, int httpStatus, ErrorClass expected) {
    assertThat(table.classify(error(httpStatus, code, subcode))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "code {0} with subcode 2018108 is PERMANENT_CONFIG")
  @CsvSource({"10", "100", "200", "551", "12345"})
  void standardAccessRecipientRestrictionPausesTheChannelWhateverTheCode(int code) {
    assertThat(table.classify(error(400, code, 2018108))).isEqualTo(ErrorClass.PERMANENT_CONFIG);
  }

  @ParameterizedTest(name = "code {0} with subcode 2534014 is PERMANENT")
  @CsvSource({"10", "100", "551", "12345"})
  void recipientNotFoundIsPermanentWhateverTheCode(int code) {
    assertThat(table.classify(error(400, code, 2534014))).isEqualTo(ErrorClass.PERMANENT);
  }

  @ParameterizedTest(name = "an unlisted subcode {1} of code {0} falls back to the code: {2}")
  @CsvSource({
    "4, 1349174, BACKOFF",
    "10, 1, PERMANENT_CONFIG",
    "100, 2018109, PERMANENT",
    "190, 1, REFRESH",
  })
  void anUnlistedSubcodeFallsBackToItsCode(int code, int subcode, ErrorClass expected) {
    assertThat(table.classify(error(400, code, subcode))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "unknown code 999999 with HTTP {0} is {1}")
  @CsvSource({
    "500, RETRY",
    "503, RETRY",
    "429, BACKOFF",
    "401, REFRESH",
    "403, PERMANENT_CONFIG",
    "400, PERMANENT",
    "404, PERMANENT",
  })
  void anUnknownCodeIsClassifiedByHttpStatus(int httpStatus, ErrorClass expected) {
    assertThat(table.classify(error(httpStatus, 999_999, null))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "no code with HTTP {0} is {1}")
  @CsvSource({"0, RETRY", "502, RETRY", "429, BACKOFF", "401, REFRESH", "403, PERMANENT_CONFIG"})
  void anErrorWithoutCodeIsClassifiedByHttpStatus(int httpStatus, ErrorClass expected) {
    assertThat(table.classify(error(httpStatus, null, null))).isEqualTo(expected);
  }

  private static MetaError error(int httpStatus, Integer code, Integer subcode) {
    return new MetaError(httpStatus, code, subcode, "test", "trace");
  }
}
