package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniqueNamesTest {
  @Test
  void nameCarriesBaseTestClassMethodAndRandomSuffix() {
    String name = UniqueNames.of("orders.created", "OrderIngestIT", "duplicateIsRejected");

    assertThat(name)
        .matches("orders\\.created\\.OrderIngestIT\\.duplicateIsRejected\\.[0-9a-f]{6}");
  }

  @Test
  void twoNamesForTheSameTestDiffer() {
    assertThat(UniqueNames.of("t", "C", "m")).isNotEqualTo(UniqueNames.of("t", "C", "m"));
  }

  @Test
  void illegalCharactersAreReplacedAndLongPartsCut() {
    String name = UniqueNames.of("orders created", "Outer$Inner", "x".repeat(500) + "[1]");

    assertThat(name).matches("[A-Za-z0-9._-]+").hasSizeLessThanOrEqualTo(249);
    assertThat(name).startsWith("orders_created.Outer_Inner.xxx");
  }
}
