package dev.orderflow.sender.delivery;

import static dev.orderflow.sender.delivery.DeliveryFixture.DLQ;
import static dev.orderflow.sender.delivery.DeliveryFixture.MAIN;
import static dev.orderflow.sender.delivery.DeliveryFixture.TIER_1;
import static dev.orderflow.sender.delivery.DeliveryFixture.TIER_2;
import static dev.orderflow.sender.fakes.ScriptedClient.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.schema.DeliveryState;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.circuit.CircuitProber;
import dev.orderflow.sender.circuit.OpenReason;
import dev.orderflow.sender.consume.DeferredInterrupts;
import dev.orderflow.sender.fakes.InMemoryLedger;
import dev.orderflow.sender.fakes.Notifications;
import dev.orderflow.sender.ledger.RecordCoordinates;
import dev.orderflow.sender.ledger.StatusUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeliveryHandlerTest {
  private static final RecordCoordinates SOURCE = new RecordCoordinates(MAIN, 0, 1);
  private static final SendOutcome.Failed NO_ANSWER =
      new SendOutcome.Failed(
          ErrorClass.RETRY, MetaError.noResponse("SocketTimeoutException: timeout"), true);
  private final DeliveryFixture f = new DeliveryFixture();
  private final NotificationRequested order = Notifications.notification("order-1", "buyer-1");

  @Test
  void aSentNotificationIsRecordedWithItsPlatformMessageId() throws Exception {
    f.handler.handle(f.record(MAIN, order));

    assertThat(f.client.delivered()).containsExactly("order-1:whatsapp");
    assertThat(f.ledger.entry("order-1:whatsapp").state()).isEqualTo("SENT");
    assertThat(f.ledger.entry("order-1:whatsapp").messageId()).isEqualTo("wamid.1");
    assertThat(f.count("sender.sent")).isEqualTo(1);
  }

  @Test
  void aSendRightAfterItsClaimLeavesTheLeaseAsTheClaimWroteIt() throws Exception {
    f.handler.handle(f.record(MAIN, order));

    assertThat(f.client.delivered()).containsExactly("order-1:whatsapp");
    assertThat(f.ledger.renewals()).as("ledger writes: the claim and SENT only").isZero();
  }

  @Test
  void theChannelRateLearnsOfAnAcceptanceBeforeItsSentIsWritten() throws Exception {
    // Given a second of slow start behind the channel (62.5 msg/s, doubling per second accepted)
    f.clock.advance(Duration.ofSeconds(1));
    double[] rateWhileSentIsWritten = new double[1];
    f.ledger.beforeSent(() -> rateWhileSentIsWritten[0] = f.limiter.rate());

    // When a send is accepted
    f.handler.handle(f.record(MAIN, order));

    // Then the acceptance had doubled the rate before SENT was written: a throttle answer
    // arriving during a slow write finds it counted
    assertThat(rateWhileSentIsWritten[0]).isEqualTo(125.0);
  }

  @Test
  void aResendAfterAnUnansweredSendRenewsTheLeaseFirst() throws Exception {
    // Given the first call goes unanswered: it may have reached Meta
    f.client.then(NO_ANSWER);

    // When
    f.handler.handle(f.record(MAIN, order));

    // Then the second call renewed the lease first, since a status of the first could have
    // turned the entry SENT in the meantime
    assertThat(f.client.calls()).isEqualTo(2);
    assertThat(f.ledger.renewals()).isEqualTo(1);
  }

  @Test
  void aNotificationAlreadySentIsNotSentAgainAndCountsALedgerHit() throws Exception {
    // Given it went out once
    f.handler.handle(f.record(MAIN, order));

    // When it is redelivered, and replayed from a delay tier
    f.handler.handle(f.record(MAIN, order));
    f.handler.handle(f.record(TIER_1, order));

    // Then the platform saw it once
    assertThat(f.client.delivered()).hasSize(1);
    assertThat(f.count("sender.ledger.hits")).isEqualTo(2);
  }

  @Test
  void transientErrorsAreRetriedInProcessThenMoveToTheFirstDelayTier() throws Exception {
    // Given three 503s
    f.client.then(failure(ErrorClass.RETRY, 503, 131016), 3);
    Instant start = f.clock.instant();

    // When
    f.handler.handle(f.record(MAIN, order));

    // Then three attempts with jittered exponential pauses (random 0.5 × 200 ms, × 400 ms),
    // each attempt also keeping the recipient's 6 s pace
    assertThat(f.client.calls()).isEqualTo(3);
    assertThat(f.sleeper.pauses())
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(5_900),
            Duration.ofMillis(200),
            Duration.ofMillis(5_800));
    ProducerRecord<byte[], byte[]> hop = single(TIER_1);
    Instant failedAt = start.plusSeconds(12);
    assertThat(header(hop.headers(), HeaderNames.RETRY_ATTEMPTS)).isEqualTo("3");
    assertThat(header(hop.headers(), HeaderNames.RETRY_DUE_AT))
        .isEqualTo(Long.toString(failedAt.plusSeconds(30).toEpochMilli()));
    assertThat(header(hop.headers(), HeaderNames.RETRY_FIRST_FAILURE_AT))
        .isEqualTo(Long.toString(start.toEpochMilli()));
    assertThat(header(hop.headers(), HeaderNames.RETRY_ORIGINAL_TOPIC)).isEqualTo(MAIN);
    assertThat(hop.value()).isEqualTo(Notifications.bytes(order));
    assertThat(hop.key()).isEqualTo("buyer-1".getBytes(StandardCharsets.UTF_8));
    assertThat(f.ledger.entry("order-1:whatsapp").state()).isEqualTo("RETRYING");
    assertThat(f.count("sender.retries", "tier", "1")).isEqualTo(1);
  }

  @Test
  void aRecordFailingOnTheLastTierIsDeadLetteredWithCompleteHeaders() throws Exception {
    // Given a record on the last tier that came from main partition 7 offset 99
    f.client.otherwise(failure(ErrorClass.RETRY, 500, 131000));
    RecordHeaders headers = new RecordHeaders();
    headers.add(HeaderNames.CORRELATION_ID, "corr-order-1".getBytes(StandardCharsets.UTF_8));
    headers.add(HeaderNames.RETRY_ATTEMPTS, "5".getBytes(StandardCharsets.UTF_8));
    headers.add(
        HeaderNames.RETRY_FIRST_FAILURE_AT, "1772358000000".getBytes(StandardCharsets.UTF_8));
    headers.add(HeaderNames.RETRY_ORIGINAL_TOPIC, MAIN.getBytes(StandardCharsets.UTF_8));
    headers.add(HeaderNames.RETRY_ORIGINAL_PARTITION, "7".getBytes(StandardCharsets.UTF_8));
    headers.add(HeaderNames.RETRY_ORIGINAL_OFFSET, "99".getBytes(StandardCharsets.UTF_8));
    headers.add(
        HeaderNames.RETRY_ORIGINAL_TIMESTAMP, "1772357000000".getBytes(StandardCharsets.UTF_8));
    byte[] value = Notifications.bytes(order);

    // When its two in-process attempts fail
    f.handler.handle(f.record(TIER_2, value, headers));

    // Then it is dead-lettered: value unchanged, original headers kept, every dlq.* header set
    ProducerRecord<byte[], byte[]> dead = single(DLQ);
    Headers h = dead.headers();
    assertThat(dead.value()).isEqualTo(value);
    assertThat(header(h, HeaderNames.CORRELATION_ID)).isEqualTo("corr-order-1");
    assertThat(header(h, HeaderNames.DLQ_ORIGINAL_TOPIC)).isEqualTo(MAIN);
    assertThat(header(h, HeaderNames.DLQ_ORIGINAL_PARTITION)).isEqualTo("7");
    assertThat(header(h, HeaderNames.DLQ_ORIGINAL_OFFSET)).isEqualTo("99");
    assertThat(header(h, HeaderNames.DLQ_ORIGINAL_TIMESTAMP)).isEqualTo("1772357000000");
    assertThat(header(h, HeaderNames.DLQ_SERVICE)).isEqualTo("whatsapp-sender");
    assertThat(header(h, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("RETRY");
    assertThat(header(h, HeaderNames.DLQ_ERROR_CODE)).isEqualTo("131000");
    assertThat(header(h, HeaderNames.DLQ_HTTP_STATUS)).isEqualTo("500");
    assertThat(header(h, HeaderNames.DLQ_FBTRACE_ID)).isEqualTo("trace-131000");
    assertThat(header(h, HeaderNames.DLQ_ERROR_MESSAGE)).contains("131000");
    assertThat(header(h, HeaderNames.DLQ_ATTEMPTS)).isEqualTo("7");
    assertThat(header(h, HeaderNames.DLQ_FIRST_FAILURE_AT)).isEqualTo("1772358000000");
    assertThat(header(h, HeaderNames.DLQ_LAST_FAILURE_AT))
        .isEqualTo(Long.toString(f.clock.instant().toEpochMilli()));
    assertThat(h.lastHeader(HeaderNames.RETRY_ATTEMPTS)).isNull();
    assertThat(f.ledger.entry("order-1:whatsapp").state()).isEqualTo("FAILED");
  }

  @Test
  void aPermanentErrorIsDeadLetteredAtOnce() throws Exception {
    f.client.then(failure(ErrorClass.PERMANENT, 400, 131026));

    f.handler.handle(f.record(MAIN, order));

    assertThat(f.client.calls()).isEqualTo(1);
    ProducerRecord<byte[], byte[]> dead = single(DLQ);
    assertThat(header(dead.headers(), HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("PERMANENT");
    assertThat(header(dead.headers(), HeaderNames.DLQ_ATTEMPTS)).isEqualTo("1");
    assertThat(header(dead.headers(), HeaderNames.DLQ_ORIGINAL_OFFSET)).isEqualTo("40");
    assertThat(f.count("sender.dead.letters", "class", "PERMANENT")).isEqualTo(1);
  }

  @Test
  void throttlingSlowsTheChannelButNeverBurnsAnAttempt() throws Exception {
    // Given two 130429s and then a 503, then success
    f.client.then(failure(ErrorClass.BACKOFF, 429, 130429), 2);
    f.client.then(failure(ErrorClass.RETRY, 503, 131016));

    f.handler.handle(f.record(MAIN, order));

    // Then it was sent on the fourth call: throttles did not use up the three attempts
    assertThat(f.client.delivered()).hasSize(1);
    assertThat(f.client.calls()).isEqualTo(4);
    assertThat(f.sleeper.pauses()).contains(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(f.throttle.rateFactor()).isLessThan(1.0);
    assertThat(f.forwarder.records()).isEmpty();
    assertThat(f.count("sender.throttled", "scope", "channel")).isEqualTo(2);
  }

  @Test
  void aRecordThrottledTooOftenMovesToADelayTierWithItsAttemptsIntact() throws Exception {
    f.client.otherwise(failure(ErrorClass.BACKOFF, 429, 130429));

    f.handler.handle(f.record(MAIN, order));

    ProducerRecord<byte[], byte[]> hop = single(TIER_1);
    assertThat(header(hop.headers(), HeaderNames.RETRY_ATTEMPTS)).isEqualTo("0");
    assertThat(f.forwarder.to(DLQ)).isEmpty();
  }

  @Test
  void aPairLimitSlowsOnlyThatRecipient() throws Exception {
    // Given 131056 for this recipient
    f.client.then(failure(ErrorClass.BACKOFF, 429, 131056));

    f.handler.handle(f.record(MAIN, order));

    // Then the recipient waited out its penalty, the channel was not paused, others go at once
    assertThat(f.client.delivered()).hasSize(1);
    assertThat(f.sleeper.pauses()).contains(Duration.ofSeconds(30));
    assertThat(f.throttle.paused()).isFalse();
    assertThat(f.pacer.reserve("2348099999999")).isZero();
    assertThat(f.count("sender.throttled", "scope", "recipient")).isEqualTo(1);
  }

  @Test
  void anExpiredTokenIsHealedByReReadingTheSecretOnce() throws Exception {
    // Given the secret was rotated and the cached token is refused
    f.client.acceptOnly("token-2");
    f.credentials.rotate("token-2");

    f.handler.handle(f.record(MAIN, order));

    assertThat(f.client.tokensUsed()).containsExactly("token-1", "token-2");
    assertThat(f.credentials.refreshes()).isEqualTo(1);
    assertThat(f.circuit.isClosed()).isTrue();
    assertThat(f.forwarder.records()).isEmpty();
  }

  @Test
  void aTokenStillRefusedAfterARefreshOpensTheCircuitAndHoldsTheRecordUntilRotation()
      throws Exception {
    // Given a token refused even after a re-read
    f.client.acceptOnly("token-2");
    ConsumerRecord<byte[], byte[]> record = f.record(MAIN, order);
    Thread worker = Thread.ofVirtual().start(() -> handleQuietly(record));

    // When the circuit opens for credentials
    await().atMost(Duration.ofSeconds(5)).until(f.circuit::isOpen);
    assertThat(f.circuit.reason()).isEqualTo(OpenReason.CREDENTIALS);
    CircuitProber prober = new CircuitProber(f.circuit, r -> probe(), Duration.ofMinutes(5));
    assertThat(prober.probeOnce()).isFalse();

    // And the secret is rotated, so the probe passes
    f.credentials.rotate("token-2");
    assertThat(prober.probeOnce()).isTrue();

    // Then the held record is sent by the trial, the circuit closes, nothing is dead-lettered
    worker.join(Duration.ofSeconds(5));
    assertThat(f.client.delivered()).containsExactly("order-1:whatsapp");
    assertThat(f.circuit.isClosed()).isTrue();
    assertThat(f.forwarder.records()).isEmpty();
  }

  @Test
  void aConfigurationErrorPausesTheChannelInsteadOfDeadLettering() throws Exception {
    f.client.then(failure(ErrorClass.PERMANENT_CONFIG, 403, 131031));
    ConsumerRecord<byte[], byte[]> record = f.record(MAIN, order);
    Thread worker = Thread.ofVirtual().start(() -> handleQuietly(record));

    await().atMost(Duration.ofSeconds(5)).until(f.circuit::isOpen);
    assertThat(f.circuit.reason()).isEqualTo(OpenReason.CONFIG);
    assertThat(f.count("sender.channel.pauses", "reason", "CONFIG")).isEqualTo(1);
    assertThat(f.forwarder.records()).isEmpty();

    // A CONFIG pause is re-checked only after its recheck period, with a real trial send
    CircuitProber prober = new CircuitProber(f.circuit, r -> probe(), Duration.ofMinutes(5));
    assertThat(prober.probeOnce()).isFalse();
    f.clock.advance(Duration.ofMinutes(6));
    assertThat(prober.probeOnce()).isTrue();
    worker.join(Duration.ofSeconds(5));
    assertThat(f.client.delivered()).hasSize(1);
    assertThat(f.circuit.isClosed()).isTrue();
  }

  @Test
  void aSustainedOutageOpensTheCircuitWithoutBurningAttemptsOrDeadLettering() throws Exception {
    // Given Meta answers 500 to everything
    f.client.otherwise(failure(ErrorClass.RETRY, 500, 2));
    Thread[] workers = new Thread[6];
    for (int i = 0; i < workers.length; i++) {
      NotificationRequested n = Notifications.notification("order-" + i, "buyer-" + i);
      ConsumerRecord<byte[], byte[]> record = f.record(MAIN, n);
      workers[i] = Thread.ofVirtual().start(() -> handleQuietly(record));
    }

    // When enough calls failed, the circuit opens for an outage
    await().atMost(Duration.ofSeconds(5)).until(f.circuit::isOpen);
    assertThat(f.circuit.reason()).isEqualTo(OpenReason.OUTAGE);

    // And Meta recovers: the probe passes and the held records go out
    f.client.otherwise(new dev.orderflow.sender.api.SendOutcome.Sent("wamid.ok"));
    CircuitProber prober = new CircuitProber(f.circuit, r -> probe(), Duration.ofMinutes(5));
    assertThat(prober.probeOnce()).isTrue();
    for (Thread worker : workers) {
      worker.join(Duration.ofSeconds(10));
    }
    assertThat(f.circuit.isClosed()).isTrue();
    assertThat(f.forwarder.to(DLQ)).isEmpty();
    assertThat(f.forwarder.records().size() + f.client.delivered().size()).isEqualTo(6);
  }

  @Test
  void aSendingEntryWithAnExpiredLeaseIsTakenOverAndFlaggedAsAPossibleDuplicate() throws Exception {
    // Given a sender died after claiming (lease ran out)
    f.ledger.put(
        "order-1:whatsapp",
        new InMemoryLedger.Entry("SENDING", "dead-owner", f.clock.instant().minusSeconds(1), null));

    f.handler.handle(f.record(MAIN, order));

    assertThat(f.client.delivered()).hasSize(1);
    assertThat(f.count("sender.ledger.takeovers")).isEqualTo(1);
  }

  @Test
  void aLiveLeaseElsewhereIsWaitedOutAndThenTheLedgerDecides() throws Exception {
    // Given another sender holds it for 10 more seconds
    f.ledger.put(
        "order-1:whatsapp",
        new InMemoryLedger.Entry("SENDING", "other", f.clock.instant().plusSeconds(10), null));

    f.handler.handle(f.record(MAIN, order));

    assertThat(f.sleeper.pauses()).contains(Duration.ofSeconds(10));
    assertThat(f.client.delivered()).hasSize(1);
  }

  @Test
  void anUnreachableLedgerIsWaitedOutAndCountsAgainstTheCircuitWithoutASecondSend()
      throws Exception {
    // Given DynamoDB fails the claim twice, and then (after the send) the SENT write once
    f.ledger.failNext(2);
    f.client.then(new dev.orderflow.sender.api.SendOutcome.Sent("wamid.X"));

    f.handler.handle(f.record(MAIN, order));

    assertThat(f.client.calls()).isEqualTo(1);
    assertThat(f.ledger.entry("order-1:whatsapp").state()).isEqualTo("SENT");
    assertThat(f.sleeper.pauses()).contains(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void anInterruptDuringTheSentWriteIsDeferredUntilSentIsWritten() throws Exception {
    // Given Meta accepts, and a revoke interrupts the handler while the first SENT write fails
    f.ledger.beforeSent(
        () -> {
          DeferredInterrupts.interrupt(Thread.currentThread());
          f.ledger.failNext(1);
          f.ledger.beforeSent(() -> {});
        });

    // When
    f.handler.handle(f.record(MAIN, order));

    // Then the write was retried (the pause did not abort it), SENT holds, and the interrupt was
    // delivered afterwards rather than dropped
    assertThat(f.ledger.entry("order-1:whatsapp").state()).isEqualTo("SENT");
    assertThat(f.sleeper.pauses()).contains(Duration.ofMillis(200));
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void aLeaseLostDuringTheWaitsIsRenewedBeforeTheCallAndNothingIsSentTwice() throws Exception {
    // Given the recipient's pace holds the send for 60 s (longer than the 30 s lease), and
    // meanwhile another run takes the expired lease over and sends the notification
    f.pacer.throttled(order.getRecipient(), Duration.ofSeconds(60));
    f.sleeper.onSleep(
        () -> {
          f.ledger.claim("order-1:whatsapp", "other-run", f.clock.instant());
          f.ledger.sent("order-1:whatsapp", "wamid.other", SOURCE, f.clock.instant());
          f.sleeper.onSleep(() -> {});
        });

    // When
    f.handler.handle(f.record(MAIN, order));

    // Then the renewal before the call found the lease gone, and the claim found it SENT
    assertThat(f.client.calls()).isZero();
    assertThat(f.count("sender.ledger.leases-lost", "at", "renew")).isEqualTo(1);
    assertThat(f.count("sender.ledger.hits")).isEqualTo(1);
    assertThat(f.ledger.entry("order-1:whatsapp").messageId()).isEqualTo("wamid.other");
  }

  @Test
  void aRunWhoseLeaseWasTakenOverNeitherSettlesNorForwards() throws Exception {
    // Given while the call is out, the lease passes to another run, and the call fails for good
    f.client.answering(
        credentials -> {
          f.ledger.put(
              "order-1:whatsapp",
              new InMemoryLedger.Entry(
                  "SENDING", "other-run", f.clock.instant().plusSeconds(30), null));
          return failure(ErrorClass.PERMANENT, 400, 100);
        });

    // When
    f.handler.handle(f.record(MAIN, order));

    // Then the other run's lease stands and no dead letter is written by this one
    assertThat(f.forwarder.to(DLQ)).isEmpty();
    assertThat(f.ledger.entry("order-1:whatsapp").owner()).isEqualTo("other-run");
    assertThat(f.ledger.entry("order-1:whatsapp").state()).isEqualTo("SENDING");
    assertThat(f.count("sender.ledger.leases-lost", "at", "failed")).isEqualTo(1);
  }

  @Test
  void anUnansweredSendIsCountedAndStampedPossiblySentThroughTheTiersIntoTheDlq() throws Exception {
    // Given the first attempt goes out and gets no answer, and every later one is refused with a
    // definite, retryable answer
    f.client.then(
        new dev.orderflow.sender.api.SendOutcome.Failed(
            ErrorClass.RETRY,
            dev.orderflow.sender.api.MetaError.noResponse("SocketTimeoutException: timeout"),
            true));
    f.client.otherwise(failure(ErrorClass.RETRY, 400, 131000));

    // When it runs on the main topic, and (its headers carried to it) on the last tier
    f.handler.handle(f.record(MAIN, order));
    ProducerRecord<byte[], byte[]> tier1 = single(TIER_1);
    assertThat(header(tier1.headers(), HeaderNames.RETRY_POSSIBLY_SENT)).isEqualTo("true");
    f.handler.handle(f.record(TIER_2, tier1.value(), new RecordHeaders(tier1.headers().toArray())));

    // Then the dead letter says it may have reached the buyer
    ProducerRecord<byte[], byte[]> dead = single(DLQ);
    assertThat(header(dead.headers(), HeaderNames.DLQ_POSSIBLY_SENT)).isEqualTo("true");
    assertThat(header(dead.headers(), HeaderNames.RETRY_POSSIBLY_SENT)).isNull();
    assertThat(f.count("sender.possibly-sent")).isEqualTo(1);
  }

  @Test
  void anUnansweredSendWhoseStatusesNameTheNotificationWaitsInTheTierInsteadOfResendingAtOnce()
      throws Exception {
    // Given a platform whose status webhooks echo the notification id, and a send with no answer
    DeliveryFixture echoing = new DeliveryFixture(true);
    echoing.client.then(NO_ANSWER);

    // When it runs on the main topic
    echoing.handler.handle(echoing.record(MAIN, order));

    // Then it was tried once and parked in the first tier, stamped possibly sent
    assertThat(echoing.client.calls()).isEqualTo(1);
    ProducerRecord<byte[], byte[]> tier1 = echoing.forwarder.to(TIER_1).getFirst();
    assertThat(header(tier1.headers(), HeaderNames.RETRY_POSSIBLY_SENT)).isEqualTo("true");
    assertThat(echoing.ledger.entry("order-1:whatsapp").state()).isEqualTo("RETRYING");

    // And when Meta's status webhook names it before the tier's turn, the tier sends nothing
    echoing.ledger.applyStatus(
        "order-1:whatsapp",
        new StatusUpdate("wamid.late", DeliveryState.SENT, echoing.clock.instant(), null),
        echoing.clock.instant());
    echoing.handler.handle(
        echoing.record(TIER_1, tier1.value(), new RecordHeaders(tier1.headers().toArray())));
    assertThat(echoing.client.calls()).isEqualTo(1);
    assertThat(echoing.ledger.entry("order-1:whatsapp").messageId()).isEqualTo("wamid.late");
    assertThat(echoing.count("sender.possibly-sent.resends")).isZero();
  }

  @Test
  void aPossiblySentNotificationNoStatusConfirmedIsResentAndCountedAsAPossibleDuplicate()
      throws Exception {
    DeliveryFixture echoing = new DeliveryFixture(true);
    echoing.client.then(NO_ANSWER);
    echoing.handler.handle(echoing.record(MAIN, order));
    ProducerRecord<byte[], byte[]> tier1 = echoing.forwarder.to(TIER_1).getFirst();

    echoing.handler.handle(
        echoing.record(TIER_1, tier1.value(), new RecordHeaders(tier1.headers().toArray())));

    assertThat(echoing.client.calls()).isEqualTo(2);
    assertThat(echoing.ledger.entry("order-1:whatsapp").state()).isEqualTo("SENT");
    assertThat(echoing.count("sender.possibly-sent.resends")).isEqualTo(1);
  }

  @Test
  void aSendIsIndexedByMessageIdOnlyWhereStatusesDoNotNameTheNotification() throws Exception {
    DeliveryFixture echoing = new DeliveryFixture(true);

    f.handler.handle(f.record(MAIN, order));
    echoing.handler.handle(echoing.record(MAIN, order));

    assertThat(f.ledger.notificationOf("wamid.1")).contains("order-1:whatsapp");
    assertThat(echoing.ledger.notificationOf("wamid.1")).isEmpty();
  }

  @Test
  void aDefiniteFailureIsNotStampedPossiblySent() throws Exception {
    f.client.then(failure(ErrorClass.PERMANENT, 400, 100));

    f.handler.handle(f.record(MAIN, order));

    assertThat(header(single(DLQ).headers(), HeaderNames.DLQ_POSSIBLY_SENT)).isNull();
    assertThat(f.count("sender.possibly-sent")).isZero();
  }

  @Test
  void anUndecodableValueIsDeadLetteredWithTheReason() throws Exception {
    byte[] garbage = {0, 0, 0, 0, 42, 1, 2};

    f.handler.handle(f.record(MAIN, garbage, new RecordHeaders()));

    ProducerRecord<byte[], byte[]> dead = single(DLQ);
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(header(dead.headers(), HeaderNames.DLQ_ERROR_MESSAGE))
        .startsWith("undecodable value");
    assertThat(f.client.calls()).isZero();
  }

  private boolean probe() {
    return f.client.probe(f.credentials.refresh(f.credentials.current()))
        instanceof dev.orderflow.sender.api.SendOutcome.Sent;
  }

  private void handleQuietly(ConsumerRecord<byte[], byte[]> record) {
    try {
      f.handler.handle(record);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ProducerRecord<byte[], byte[]> single(String topic) {
    assertThat(f.forwarder.to(topic)).hasSize(1);
    return f.forwarder.to(topic).get(0);
  }

  private static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
