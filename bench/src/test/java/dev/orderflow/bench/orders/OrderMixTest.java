package dev.orderflow.bench.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderMixTest {

  @Test
  void parsedMixGivesKindsLeftOutAZeroShare() {
    OrderMix mix = OrderMix.parse("whatsapp=0.6, instagram=0.4");

    assertThat(mix.whatsapp()).isEqualTo(0.6);
    assertThat(mix.instagram()).isEqualTo(0.4);
    assertThat(mix.invalid()).isZero();
  }

  @Test
  void sharesThatDoNotAddUpToOneAreRefused() {
    assertThatThrownBy(() -> OrderMix.parse("whatsapp=0.6,instagram=0.6"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add up to 1");
  }

  @Test
  void anUnknownKindIsNamedInTheError() {
    assertThatThrownBy(() -> OrderMix.parse("telegram=1"))
        .hasMessageContaining("unknown kind 'telegram'");
  }

  @Test
  void drawsFallIntoTheKindWhoseShareCoversThem() {
    OrderMix mix = OrderMix.realistic();

    assertThat(mix.pick(0.0)).isEqualTo(OrderKind.WHATSAPP);
    assertThat(mix.pick(0.56)).isEqualTo(OrderKind.INSTAGRAM);
    assertThat(mix.pick(0.86)).isEqualTo(OrderKind.INVALID);
    assertThat(mix.pick(0.999)).isEqualTo(OrderKind.NO_PLATFORM);
  }
}
