package dev.orderflow.router.topology;

import static dev.orderflow.router.Fixtures.NOW;
import static dev.orderflow.router.Fixtures.instagramBuyer;
import static dev.orderflow.router.Fixtures.order;
import static dev.orderflow.router.Fixtures.whatsappBuyer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.router.FakeBuyerDirectory;
import dev.orderflow.router.Fixtures;
import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.buyer.BuyerCacheSettings;
import dev.orderflow.router.buyer.CachedBuyerDirectory;
import dev.orderflow.router.route.Channel;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTopologyTest {
  @TempDir Path stateDir;
  private final FakeBuyerDirectory directory = new FakeBuyerDirectory();
  private RouterDriver router;

  private RouterDriver router() {
    if (router == null) {
      router = new RouterDriver(directory, stateDir);
    }
    return router;
  }

  @AfterEach
  void close() {
    if (router != null) {
      router.close();
    }
  }

  @Test
  void aWhatsAppBuyersOrderBecomesOneNotificationOnTheWhatsAppTopicKeyedByBuyer() {
    directory.with(whatsappBuyer("b-1", "en-NG"));
    Headers headers = new RecordHeaders().add(HeaderNames.CORRELATION_ID, bytes("corr-42"));

    router().orders.pipeInput(new TestRecord<>("v:ORD-1", order("v:ORD-1", "b-1"), headers));

    TestRecord<String, NotificationRequested> out = router.whatsapp.readRecord();
    assertThat(out.key()).isEqualTo("b-1");
    assertThat(out.value().getNotificationId()).isEqualTo("v:ORD-1:whatsapp");
    assertThat(out.value().getRecipient()).isEqualTo("+2348031234567");
    assertThat(out.headers().lastHeader(HeaderNames.CORRELATION_ID).value())
        .isEqualTo(bytes("corr-42"));
    assertThat(router.whatsapp.isEmpty()).isTrue();
    assertThat(router.instagram.isEmpty()).isTrue();
    assertThat(router.unroutable.isEmpty()).isTrue();
    assertThat(router.counter("router.orders.routed", "platform", "whatsapp")).isEqualTo(1);
  }

  @Test
  void anInstagramBuyersOrderGoesToTheInstagramTopic() {
    directory.with(instagramBuyer("b-2", "en"));

    router().orders.pipeInput("v:ORD-2", order("v:ORD-2", "b-2"));

    TestRecord<String, NotificationRequested> out = router.instagram.readRecord();
    assertThat(out.key()).isEqualTo("b-2");
    assertThat(out.value().getRecipient()).isEqualTo("17841400000000001");
    assertThat(out.value().getTemplate()).isNull();
    assertThat(router.whatsapp.isEmpty()).isTrue();
    assertThat(router.counter("router.orders.routed", "platform", "instagram")).isEqualTo(1);
  }

  @Test
  void aMissingCorrelationHeaderIsTakenFromTheOrder() {
    directory.with(instagramBuyer("b-2", "en"));

    router().orders.pipeInput("v:ORD-3", order("v:ORD-3", "b-2"));

    assertThat(
            router.instagram.readRecord().headers().lastHeader(HeaderNames.CORRELATION_ID).value())
        .isEqualTo(bytes("corr-v:ORD-3"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "OPTED_OUT, WHATSAPP, +2348031234567, true",
    "NO_PLATFORM, , +2348031234567, false",
    "NO_CONTACT, WHATSAPP, , false",
    "UNSUPPORTED_PLATFORM, TELEGRAM, +2348031234567, false",
  })
  void anOrderThatCannotBeDeliveredGoesToUnroutableAsTheOriginalBytesWithTheReason(
      String reason, String platform, String phone, boolean optedOut) {
    // Given
    directory.with(new Buyer("b-3", platform, phone, null, "Ngozi", "en", optedOut, NOW));
    OrderCreated order = order("v:ORD-4", "b-3");

    // When
    router().orders.pipeInput("v:ORD-4", order);

    // Then
    TestRecord<String, byte[]> out = router.unroutable.readRecord();
    assertThat(out.key()).isEqualTo("v:ORD-4");
    assertThat(out.value()).isEqualTo(router.bytesOf(order));
    assertThat(header(out.headers(), HeaderNames.UNROUTABLE_REASON)).isEqualTo(reason);
    assertThat(header(out.headers(), HeaderNames.UNROUTABLE_DETAIL)).isNotBlank();
    assertThat(router.whatsapp.isEmpty()).isTrue();
    assertThat(router.counter("router.orders.unroutable", "reason", reason)).isEqualTo(1);
  }

  @Test
  void anUnknownBuyerIsDeclaredUnroutableOnlyAfterTheRecheckDelay() {
    // Given no such buyer
    router().orders.pipeInput("v:ORD-5", order("v:ORD-5", "b-unknown"));
    assertThat(router.unroutable.isEmpty()).isTrue();

    // When less than the delay passes, nothing is decided; once it has, a fresh look-up decides
    router.driver.advanceWallClockTime(RouterDriver.RECHECK_DELAY.minusMillis(500));
    assertThat(router.unroutable.isEmpty()).isTrue();
    router.driver.advanceWallClockTime(Duration.ofSeconds(1));

    // Then
    TestRecord<String, byte[]> out = router.unroutable.readRecord();
    assertThat(out.key()).isEqualTo("v:ORD-5");
    assertThat(header(out.headers(), HeaderNames.UNROUTABLE_REASON)).isEqualTo("UNKNOWN_BUYER");
    assertThat(directory.freshCalls.get()).isEqualTo(1);
    assertThat(router.unroutable.isEmpty()).isTrue();
  }

  @Test
  void aBuyerWhoRegistersDuringTheWaitIsNotLostToACachedUnknown() {
    // Given a cache that would trust "unknown" for a minute, far longer than the wait
    CachedBuyerDirectory cached =
        new CachedBuyerDirectory(
            directory, new BuyerCacheSettings(100, Duration.ofMinutes(5), Duration.ofMinutes(1)));
    router = new RouterDriver(cached, stateDir);
    Headers headers = new RecordHeaders().add(HeaderNames.CORRELATION_ID, bytes("corr-new"));
    router.orders.pipeInput(new TestRecord<>("v:ORD-6", order("v:ORD-6", "b-new"), headers));

    // When the buyer registers a moment later
    directory.with(whatsappBuyer("b-new", "pcm-NG"));
    router.driver.advanceWallClockTime(RouterDriver.RECHECK_DELAY.plusMillis(100));

    // Then the order reaches them, as it arrived
    TestRecord<String, NotificationRequested> out = router.whatsapp.readRecord();
    assertThat(out.key()).isEqualTo("b-new");
    assertThat(out.value().getOrderId()).isEqualTo("v:ORD-6");
    assertThat(out.value().getLocale()).isEqualTo("pcm-NG");
    assertThat(header(out.headers(), HeaderNames.CORRELATION_ID)).isEqualTo("corr-new");
    assertThat(router.unroutable.isEmpty()).isTrue();
    assertThat(router.registry.get("router.buyer.rechecks.scheduled").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aParkedOrderThatCannotBeReadForNowStaysParkedAndIsDecidedLater() {
    // Given a serde whose second read of any record fails once (the registry away, say)
    RouterTopics production = RouterDriver.productionTopics();
    AtomicInteger reads = new AtomicInteger();
    Deserializer<OrderCreated> flaky =
        (topic, bytes) -> {
          if (reads.incrementAndGet() == 2) {
            throw new SerializationException("registry unreachable");
          }
          return production.ordersCreated().valueDeserializer().deserialize(topic, bytes);
        };
    RouterTopics topics =
        RouterTopics.from(
            RouterDriver.DEFAULT_NAMES,
            Serdes.serdeFrom(production.ordersCreated().valueSerializer(), flaky),
            production.platform(Channel.WHATSAPP).valueSerde());
    router = new RouterDriver(directory, stateDir, StreamsConfig.EXACTLY_ONCE_V2, topics);

    // When the order of an unknown buyer is due for its re-check
    router.orders.pipeInput("v:ORD-11", order("v:ORD-11", "b-unknown"));
    router.driver.advanceWallClockTime(RouterDriver.RECHECK_DELAY.plusMillis(100));

    // Then it waits for a readable moment instead of being dropped or dead-lettered
    assertThat(router.unroutable.isEmpty()).isTrue();
    assertThat(router.deadLetters.isEmpty()).isTrue();
    router.driver.advanceWallClockTime(Duration.ofMillis(200));
    assertThat(router.unroutable.readRecord().key()).isEqualTo("v:ORD-11");
  }

  @Test
  void parkedOrdersDoNotHoldUpOrdersBehindThem() {
    directory.with(instagramBuyer("b-2", "en"));

    router().orders.pipeInput("v:ORD-7", order("v:ORD-7", "b-unknown"));
    router.orders.pipeInput("v:ORD-8", order("v:ORD-8", "b-2"));

    assertThat(router.instagram.readRecord().value().getOrderId()).isEqualTo("v:ORD-8");
    assertThat(router.unroutable.isEmpty()).isTrue();
  }

  @Test
  void unreadableBytesGoToTheDeadLetterTopicWithTheReasonAndTheNextOrderStillFlows() {
    directory.with(instagramBuyer("b-2", "en"));
    byte[] junk = "{not avro".getBytes(StandardCharsets.UTF_8);
    // TopologyTestDriver drops dead letters of the deserialization handler under exactly-once (they
    // are sent before its mock transaction begins); RouterIT checks them on a real broker with EOS.
    router = new RouterDriver(directory, stateDir, StreamsConfig.AT_LEAST_ONCE);

    router.rawOrders.pipeInput("v:BAD", junk);
    router.orders.pipeInput("v:ORD-9", order("v:ORD-9", "b-2"));

    TestRecord<byte[], byte[]> dead = router.deadLetters.readRecord();
    assertThat(dead.value()).isEqualTo(junk);
    assertThat(dead.key()).isEqualTo(bytes("v:BAD"));
    assertThat(header(dead.headers(), "__streams.errors.exception"))
        .isEqualTo("dev.orderflow.common.serde.WireFormatException");
    assertThat(header(dead.headers(), "__streams.errors.message")).isNotBlank();
    assertThat(header(dead.headers(), "__streams.errors.topic")).isEqualTo("orders.created.v1");
    assertThat(router.instagram.readRecord().value().getOrderId()).isEqualTo("v:ORD-9");
    assertThat(router.unroutable.isEmpty()).isTrue();
  }

  @Test
  void anOrderThatCannotBeRenderedIsDeadLetteredNotDropped() {
    // Given a total whose amount_1000 does not fit a long
    directory.with(whatsappBuyer("b-1", "en"));
    OrderCreated order =
        order("v:HUGE", "b-1", List.of(Fixtures.item("x", 1, 1)), "NGN", Long.MAX_VALUE);

    router().orders.pipeInput("v:HUGE", order);

    TestRecord<byte[], byte[]> dead = router.deadLetters.readRecord();
    assertThat(dead.value()).isEqualTo(router.bytesOf(order));
    assertThat(header(dead.headers(), "__streams.errors.exception"))
        .contains("ArithmeticException");
    assertThat(router.whatsapp.isEmpty()).isTrue();
  }

  @Test
  void anUnrenderableOrderOfAnUnknownBuyerIsDeadLetteredBeforeItIsParked() {
    OrderCreated order =
        order("v:HUGE2", "b-unknown", List.of(Fixtures.item("x", 1, 1)), "NGN", Long.MAX_VALUE);

    router().orders.pipeInput("v:HUGE2", order);
    router.driver.advanceWallClockTime(RouterDriver.RECHECK_DELAY.plusSeconds(1));

    assertThat(router.deadLetters.readRecord().value()).isEqualTo(router.bytesOf(order));
    assertThat(router.unroutable.isEmpty()).isTrue();
  }

  @Test
  void aDirectoryOutageStopsProcessingWithoutDeadLetteringOrSkipping() {
    directory.failing = true;

    assertThatThrownBy(() -> router().orders.pipeInput("v:ORD-10", order("v:ORD-10", "b-1")))
        .satisfies(
            e ->
                assertThat(DirectoryAwareProcessingExceptionHandler.isDirectoryOutage(e)).isTrue());
    assertThat(router.deadLetters.isEmpty()).isTrue();
    assertThat(router.unroutable.isEmpty()).isTrue();
    assertThat(router.whatsapp.isEmpty()).isTrue();
  }

  @Test
  void theRouterRunsExactlyOnceAndDeadLettersToItsOwnTopic() {
    Map<String, Object> props =
        RouterStreamsConfig.properties(Map.of(), RouterDriver.productionTopics());

    assertThat(props)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "notification-router.dlq.v1");
  }

  @Test
  void everyNodeOfTheTopologyIsNamed() {
    String description = router().topology.describe().toString();

    assertThat(description)
        .doesNotContainPattern("KSTREAM-|KTABLE-|KSTREAM_")
        .contains("orders-created", "route-order", "route-to-platform", "route-unroutable")
        .contains("platform-sink", "unroutable-sink", RouterTopology.PENDING_STORE);
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
