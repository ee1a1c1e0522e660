package dev.orderflow.router.topology;

import static dev.orderflow.router.Fixtures.order;
import static dev.orderflow.router.Fixtures.whatsappBuyer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.router.FakeBuyerDirectory;
import dev.orderflow.router.buyer.BuyerCacheSettings;
import dev.orderflow.router.buyer.BuyerDirectory;
import dev.orderflow.router.buyer.CachedBuyerDirectory;
import dev.orderflow.schema.NotificationRequested;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cold-cache look-ups gathered into batches: when they are made, and that order is kept. */
class RouterBatchingTest {
  private static final Duration LINGER = Duration.ofMillis(50);
  @TempDir Path stateDir;
  private final FakeBuyerDirectory directory = new FakeBuyerDirectory();
  private RouterDriver router;

  @AfterEach
  void close() {
    if (router != null) {
      router.close();
    }
  }

  private RouterDriver router(BuyerDirectory directory, int maxOrders) {
    return router(directory, maxOrders, StreamsConfig.EXACTLY_ONCE_V2);
  }

  private RouterDriver router(BuyerDirectory directory, int maxOrders, String guarantee) {
    return new RouterDriver(
        directory,
        stateDir,
        guarantee,
        RouterDriver.productionTopics(),
        new BatchSettings(maxOrders, LINGER, 100));
  }

  @Test
  void coldOrdersWaitForTheLingerAndAreLookedUpInOneBatchInArrivalOrder() {
    IntStream.range(0, 5).forEach(i -> directory.with(whatsappBuyer("b-" + i, "en")));
    router = router(directory, 100);

    for (int i = 4; i >= 0; i--) {
      router.orders.pipeInput("v:ORD-" + i, order("v:ORD-" + i, "b-" + i));
    }
    assertThat(router.whatsapp.isEmpty()).isTrue();
    router.driver.advanceWallClockTime(LINGER.plusMillis(10));

    assertThat(orderIds(router.whatsapp.readValuesToList()))
        .containsExactly("v:ORD-4", "v:ORD-3", "v:ORD-2", "v:ORD-1", "v:ORD-0");
    assertThat(directory.batches).containsExactly(List.of("b-4", "b-3", "b-2", "b-1", "b-0"));
  }

  @Test
  void aBatchIsNotCutShortByAPunctuationTickBeforeItsFirstOrderHasWaitedTheLinger() {
    directory.with(whatsappBuyer("b-1", "en")).with(whatsappBuyer("b-2", "en"));
    router = router(directory, 100);

    router.orders.pipeInput("v:A", order("v:A", "b-1"));
    router.driver.advanceWallClockTime(Duration.ofMillis(30));
    assertThat(router.whatsapp.isEmpty()).isTrue();
    router.orders.pipeInput("v:B", order("v:B", "b-2"));
    router.driver.advanceWallClockTime(Duration.ofMillis(30));

    assertThat(orderIds(router.whatsapp.readValuesToList())).containsExactly("v:A", "v:B");
    assertThat(directory.batches).containsExactly(List.of("b-1", "b-2"));
  }

  @Test
  void aFullBatchIsLookedUpAtOnceWithoutWaitingAndEachBuyerIsAskedForOnce() {
    directory.with(whatsappBuyer("b-1", "en")).with(whatsappBuyer("b-2", "en"));
    router = router(directory, 3);

    router.orders.pipeInput("v:A", order("v:A", "b-1"));
    router.orders.pipeInput("v:B", order("v:B", "b-2"));
    assertThat(router.whatsapp.isEmpty()).isTrue();
    router.orders.pipeInput("v:C", order("v:C", "b-1"));

    assertThat(orderIds(router.whatsapp.readValuesToList())).containsExactly("v:A", "v:B", "v:C");
    assertThat(directory.batches).containsExactly(List.of("b-1", "b-2"));
  }

  @Test
  void aCachedBuyersOrderDoesNotOvertakeAColdOrderBufferedAheadOfIt() {
    // Given b-warm in the cache and b-cold not
    CachedBuyerDirectory cached =
        new CachedBuyerDirectory(directory, BuyerCacheSettings.defaults());
    directory.with(whatsappBuyer("b-warm", "en")).with(whatsappBuyer("b-cold", "en"));
    cached.find("b-warm");
    router = router(cached, 100);

    // When a cold order arrives before a warm one
    router.orders.pipeInput("v:1", order("v:1", "b-cold"));
    router.orders.pipeInput("v:2", order("v:2", "b-warm"));
    assertThat(router.whatsapp.isEmpty()).isTrue();
    router.driver.advanceWallClockTime(LINGER.plusMillis(10));

    // Then the warm one waits its turn; and with nothing buffered a warm order goes straight out
    assertThat(orderIds(router.whatsapp.readValuesToList())).containsExactly("v:1", "v:2");
    router.orders.pipeInput("v:3", order("v:3", "b-warm"));
    assertThat(orderIds(router.whatsapp.readValuesToList())).containsExactly("v:3");
    assertThat(directory.batches).containsExactly(List.of("b-cold"));
  }

  @Test
  void anUnknownBuyerInABatchIsStillParkedAndFoundOnceRegistered() {
    directory.with(whatsappBuyer("b-1", "en"));
    router = router(directory, 100);

    router.orders.pipeInput("v:NEW", order("v:NEW", "b-new"));
    router.orders.pipeInput("v:OLD", order("v:OLD", "b-1"));
    router.driver.advanceWallClockTime(LINGER.plusMillis(10));
    assertThat(orderIds(router.whatsapp.readValuesToList())).containsExactly("v:OLD");

    directory.with(whatsappBuyer("b-new", "en"));
    router.driver.advanceWallClockTime(RouterDriver.RECHECK_DELAY.plusMillis(200));

    assertThat(orderIds(router.whatsapp.readValuesToList())).containsExactly("v:NEW");
    assertThat(directory.freshBatches).containsExactly(List.of("b-new"));
    assertThat(router.unroutable.isEmpty()).isTrue();
  }

  @Test
  void anOpenBatchIsKeptInItsChangeloggedStoreUntilItIsRouted() {
    // What makes a restart safe: the buffered orders are state, committed with the input offsets
    // (RouterCrashIT kills and restarts the router on a broker and counts exactly one output each).
    directory.with(whatsappBuyer("b-1", "en"));
    router = router(directory, 100);
    router.orders.pipeInput("v:R1", order("v:R1", "b-1"));
    router.orders.pipeInput("v:R2", order("v:R2", "b-1"));
    KeyValueStore<String, PendingOrder> store =
        router.driver.getKeyValueStore(RouterTopology.BATCH_STORE);
    assertThat(store.approximateNumEntries()).isEqualTo(2);
    assertThat(router.topology.describe().toString()).contains(RouterTopology.BATCH_STORE);

    router.driver.advanceWallClockTime(LINGER.plusMillis(10));

    assertThat(orderIds(router.whatsapp.readValuesToList())).containsExactly("v:R1", "v:R2");
    try (var all = store.all()) {
      assertThat(all.hasNext()).isFalse();
    }
  }

  @Test
  void aDirectoryOutageAtTheFlushStopsTheTaskAndWritesNothing() {
    router = router(directory, 100);
    router.orders.pipeInput("v:X", order("v:X", "b-1"));
    directory.failing = true;

    assertThatThrownBy(() -> router.driver.advanceWallClockTime(LINGER.plusMillis(10)))
        .satisfies(
            e ->
                assertThat(DirectoryAwareProcessingExceptionHandler.isDirectoryOutage(e)).isTrue());
    assertThat(router.whatsapp.isEmpty()).isTrue();
    assertThat(router.unroutable.isEmpty()).isTrue();
    assertThat(router.deadLetters.isEmpty()).isTrue();
  }

  @Test
  void eachRecheckPunctuationWorksOffAtMostOneBoundedBatchOfParkedOrders() {
    // Given five orders of unknown buyers parked, and at most two re-checked per punctuation
    router =
        new RouterDriver(
            directory,
            stateDir,
            StreamsConfig.EXACTLY_ONCE_V2,
            RouterDriver.productionTopics(),
            new BatchSettings(1, LINGER, 2));
    for (int i = 0; i < 5; i++) {
      router.orders.pipeInput("v:P" + i, order("v:P" + i, "b-gone-" + i));
    }

    // When the delay has passed, then each check decides two more, in the order they arrived
    router.driver.advanceWallClockTime(RouterDriver.RECHECK_DELAY.plusMillis(100));
    assertThat(keys(router.unroutable.readRecordsToList())).containsExactly("v:P0", "v:P1");
    router.driver.advanceWallClockTime(Duration.ofMillis(100));
    assertThat(keys(router.unroutable.readRecordsToList())).containsExactly("v:P2", "v:P3");
    router.driver.advanceWallClockTime(Duration.ofMillis(100));
    assertThat(keys(router.unroutable.readRecordsToList())).containsExactly("v:P4");
    assertThat(directory.freshBatches)
        .containsExactly(
            List.of("b-gone-0", "b-gone-1"), List.of("b-gone-2", "b-gone-3"), List.of("b-gone-4"));
  }

  @Test
  void unknownBuyersOfBatchesFlushedByTheLingerAreEachParkedAndDecided() {
    // Batches flushed from the linger punctuation (no current record) park their orders under
    // their own offsets: parked orders of one batch or of two never overwrite each other.
    router = router(directory, 100);
    for (int i = 0; i < 3; i++) {
      router.orders.pipeInput("v:U" + i, order("v:U" + i, "b-gone-" + i));
    }
    router.driver.advanceWallClockTime(LINGER.plusMillis(10));
    for (int i = 3; i < 5; i++) {
      router.orders.pipeInput("v:U" + i, order("v:U" + i, "b-gone-" + i));
    }
    router.driver.advanceWallClockTime(LINGER.plusMillis(10));

    router.driver.advanceWallClockTime(RouterDriver.RECHECK_DELAY.plusMillis(200));

    assertThat(keys(router.unroutable.readRecordsToList()))
        .containsExactly("v:U0", "v:U1", "v:U2", "v:U3", "v:U4");
  }

  private static List<String> keys(List<TestRecord<String, byte[]>> records) {
    return records.stream().map(TestRecord::key).toList();
  }

  private static List<String> orderIds(List<NotificationRequested> notifications) {
    return notifications.stream().map(NotificationRequested::getOrderId).toList();
  }
}
