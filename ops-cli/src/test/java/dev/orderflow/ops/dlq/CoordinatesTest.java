package dev.orderflow.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoordinatesTest {
  @Test
  void readsTheColonFormThatListPrints() {
    assertThat(Coordinates.parse("notify.whatsapp.dlq.v1:3:42"))
        .isEqualTo(new Coordinates("notify.whatsapp.dlq.v1", 3, 42));
  }

  @Test
  void readsTheFormTheServicesLog() {
    assertThat(Coordinates.parse("notification-router.dlq.v1-0@7"))
        .isEqualTo(new Coordinates("notification-router.dlq.v1", 0, 7));
  }

  @Test
  void printsWhatItReads() {
    assertThat(Coordinates.parse("a.b-c_d:1:2")).hasToString("a.b-c_d:1:2");
  }

  @Test
  void rejectsAnythingElseNamingTheExpectedForm() {
    assertThatThrownBy(() -> Coordinates.parse("notify.whatsapp.dlq.v1:x:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topic:partition:offset")
        .hasMessageContaining("notify.whatsapp.dlq.v1:x:1");
  }
}
