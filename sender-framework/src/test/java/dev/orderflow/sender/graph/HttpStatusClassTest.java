package dev.orderflow.sender.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.ErrorClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpStatusClassTest {

  @ParameterizedTest(name = "HTTP {0} is {1}")
  @CsvSource({
    "0, RETRY",
    "500, RETRY",
    "503, RETRY",
    "429, BACKOFF",
    "401, REFRESH",
    "403, PERMANENT_CONFIG",
    "400, PERMANENT",
    "404, PERMANENT"
  })
  void theHttpStatusDecidesWhenTheGraphCodeCannot(int status, ErrorClass expected) {
    assertThat(HttpStatusClass.of(status)).isEqualTo(expected);
  }
}
