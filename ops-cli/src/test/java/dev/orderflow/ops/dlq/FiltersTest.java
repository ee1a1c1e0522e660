package dev.orderflow.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FiltersTest {
  private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
  private final Letters letters = new Letters();
  private final DeadLetter permanent =
      letters.read(letters.failure("v-1:A-1", "PERMANENT", "131026").at(T), 0);

  @Test
  void noFilterMatchesEverything() {
    assertThat(Filters.none().matches(permanent)).isTrue();
  }

  @Test
  void errorClassesAndPlatformsIgnoreCase() {
    assertThat(filters(Set.of("permanent"), Set.of(), Set.of("WhatsApp")).matches(permanent))
        .isTrue();
    assertThat(filters(Set.of("retry"), Set.of(), Set.of()).matches(permanent)).isFalse();
  }

  @Test
  void severalValuesOfOneFilterMatchAnyOfThem() {
    assertThat(filters(Set.of(), Set.of("1", "131026"), Set.of()).matches(permanent)).isTrue();
  }

  @Test
  void sinceIsInclusiveAndUntilExclusive() {
    Filters window =
        new Filters(
            T, T.plusSeconds(60), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    assertThat(window.timeMatches(T.toEpochMilli())).isTrue();
    assertThat(window.timeMatches(T.plusSeconds(60).toEpochMilli())).isFalse();
    assertThat(window.timeMatches(T.minusMillis(1).toEpochMilli())).isFalse();
  }

  @Test
  void aWindowThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(
            () -> new Filters(T, T, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of()))
        .hasMessageContaining("--since must be before --until");
  }

  @Test
  void aFilterOnAFieldTheRecordLacksDoesNotMatch() {
    Filters byOriginal =
        new Filters(
            null,
            null,
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of("orders.created.v1"));
    assertThat(byOriginal.matches(permanent)).isFalse();
  }

  private static Filters filters(Set<String> classes, Set<String> codes, Set<String> platforms) {
    return new Filters(null, null, classes, codes, Set.of(), Set.of(), platforms, Set.of());
  }
}
