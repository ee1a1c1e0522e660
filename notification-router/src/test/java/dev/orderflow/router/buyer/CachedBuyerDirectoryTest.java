package dev.orderflow.router.buyer;

import static dev.orderflow.router.Fixtures.whatsappBuyer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.router.FakeBuyerDirectory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedBuyerDirectoryTest {
  private final AtomicLong nanos = new AtomicLong();
  private final FakeBuyerDirectory source = new FakeBuyerDirectory();
  private final CachedBuyerDirectory cached =
      new CachedBuyerDirectory(
          source,
          new BuyerCacheSettings(100, Duration.ofMinutes(5), Duration.ofSeconds(10)),
          nanos::get);

  @Test
  void aFoundBuyerIsAnsweredFromTheCacheUntilItsTtlEnds() {
    source.buyers.put("b-1", whatsappBuyer("b-1", "en"));

    cached.find("b-1");
    cached.find("b-1");
    assertThat(source.calls.get()).isEqualTo(1);
    assertThat(cached.hitCount()).isEqualTo(1);

    advance(Duration.ofMinutes(5).plusSeconds(1));
    cached.find("b-1");
    assertThat(source.calls.get()).isEqualTo(2);
  }

  @Test
  void anUnknownAnswerIsCachedOnlyForTheShortTtl() {
    assertThat(cached.find("b-2")).isInstanceOf(BuyerLookup.Unknown.class);
    cached.find("b-2");
    assertThat(source.calls.get()).isEqualTo(1);

    // Given the buyer registers, the cached "unknown" stops counting after 10 s
    source.buyers.put("b-2", whatsappBuyer("b-2", "en"));
    advance(Duration.ofSeconds(11));

    assertThat(cached.find("b-2")).isInstanceOf(BuyerLookup.Found.class);
  }

  @Test
  void aFreshLookupBypassesACachedUnknownAndReplacesIt() {
    cached.find("b-3");
    source.buyers.put("b-3", whatsappBuyer("b-3", "en"));

    assertThat(cached.findFresh("b-3")).isInstanceOf(BuyerLookup.Found.class);
    assertThat(source.freshCalls.get()).isEqualTo(1);
    assertThat(cached.find("b-3")).isInstanceOf(BuyerLookup.Found.class);
    assertThat(source.calls.get()).isEqualTo(1);
  }

  @Test
  void failuresAreNeverCached() {
    source.failing = true;
    assertThatThrownBy(() -> cached.find("b-4"))
        .isInstanceOf(BuyerDirectoryUnavailableException.class);

    source.failing = false;
    assertThat(cached.find("b-4")).isInstanceOf(BuyerLookup.Unknown.class);
    assertThat(source.calls.get()).isEqualTo(2);
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
