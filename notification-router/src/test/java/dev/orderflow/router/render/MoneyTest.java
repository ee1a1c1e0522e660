package dev.orderflow.router.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @ParameterizedTest(name = "{0} {1} is written {2}")
  @CsvSource({
    "138000000, NGN, '₦1,380,000'",
    "138000050, NGN, '₦1,380,000.50'",
    "5, NGN, '₦0.05'",
    "0, NGN, '₦0'",
    "100, NGN, '₦1'",
    "9223372036854775807, NGN, '₦92,233,720,368,547,758.07'",
    "2500, USD, 'US$25'",
    "1250, GHS, 'GHS 12.50'",
    "1500, JPY, 'JP¥1,500'",
    "1234, KWD, 'KWD 1.234'",
    "1999, XYZ, 'XYZ 19.99'",
    "-150, NGN, '-₦1.50'"
  })
  void amountsAreWrittenWithSymbolGroupingAndMinorUnitsOnlyWhenNonZero(
      long minor, String currency, String expected) {
    assertThat(new Money(minor, currency).format()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} is amount_1000 {2}")
  @CsvSource({
    "138000000, NGN, 1380000000",
    "138000050, NGN, 1380000500",
    "1500, JPY, 1500000",
    "1234, KWD, 1234",
    "4990, USD, 49900"
  })
  void amount1000IsMinorUnitsTimesThousandOverTenToTheFractionDigits(
      long minor, String currency, long expected) {
    assertThat(new Money(minor, currency).amount1000()).isEqualTo(expected);
  }

  @Test
  void amount1000ThatDoesNotFitALongIsAnErrorNotAWrongNumber() {
    assertThatThrownBy(() -> new Money(Long.MAX_VALUE, "NGN").amount1000())
        .isInstanceOf(ArithmeticException.class);
  }
}
