package dev.orderflow.router.inbound;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.common.serde.WireFormatException;
import dev.orderflow.router.buyer.BuyerDirectoryUnavailableException;
import dev.orderflow.schema.InboundMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code buyer.inbound.v1} and hands each message to the {@link BuyerInboundRecorder}, on a
 * thread of its own, at least once: offsets are committed after the writes, and the writes are
 * idempotent and ordered by time, so reading a message twice changes nothing.
 *
 * <p>Why a plain consumer beside the Streams topology rather than a processor in it: the effect is
 * a DynamoDB write, which Kafka's transactions do not cover, so exactly-once would buy nothing; the
 * topic is keyed by sender, not by order, so it shares no partitioning or state with the orders;
 * and a slow DynamoDB on this path must not hold up routing on the stream threads.
 *
 * <p>When DynamoDB (or the registry) does not answer, the batch is read again from the first
 * message not recorded, after a pause from {@code backoff}; nothing is skipped. A record that can
 * never be read (not an {@code InboundMessage}, a schema the registry refuses) is logged, counted
 * and skipped: it is meta-webhooks' output, already kept on the topic for a week.
 */
public final class InboundConsumer implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(InboundConsumer.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final Deserializer<InboundMessage> values;
  private final BuyerInboundRecorder recorder;
  private final Consumer<List<String>> onRecorded;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Counter recorded;
  private final Counter unmatched;
  private final Counter unreadable;
  private final Counter failures;
  private final Map<OptOutKeywords.Verdict, Counter> verdicts = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param onRecorded told the buyer ids each message changed (the router drops them from its
   *     cache, so their next order reads the new window and opt-out)
   */
  public InboundConsumer(
      KafkaConsumer<byte[], byte[]> consumer,
      String topic,
      Deserializer<InboundMessage> values,
      BuyerInboundRecorder recorder,
      Consumer<List<String>> onRecorded,
      MeterRegistry registry,
      Backoff backoff,
      Sleeper sleeper) {
    this.consumer = consumer;
    this.topic = topic;
    this.values = values;
    this.recorder = recorder;
    this.onRecorded = onRecorded;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.recorded = counter(registry, "router.inbound.recorded", "inbound messages recorded");
    this.unmatched =
        counter(registry, "router.inbound.unmatched", "inbound messages from no known buyer");
    this.unreadable =
        counter(registry, "router.inbound.unreadable", "inbound records skipped as unreadable");
    this.failures =
        counter(registry, "router.inbound.failures", "attempts failed, DynamoDB or registry away");
    for (OptOutKeywords.Verdict verdict : OptOutKeywords.Verdict.values()) {
      verdicts.put(
          verdict,
          Counter.builder("router.inbound.keywords")
              .tag("verdict", verdict.name())
              .description("inbound opt-out and opt-in keywords applied")
              .register(registry));
    }
    this.thread = Thread.ofPlatform().name("inbound-" + topic).unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  /**
   * False once the thread has ended: an error that is not an outage stops it (logged), and the
   * service's liveness says so rather than route on with nothing recording inbound messages.
   */
  public boolean alive() {
    return thread.getState() == Thread.State.NEW || thread.isAlive();
  }

  private void run() {
    consumer.subscribe(List.of(topic));
    int failed = 0;
    try {
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
          for (ConsumerRecord<byte[], byte[]> record : records) {
            handle(record);
            done.put(
                new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1));
          }
          failed = 0;
        } catch (RuntimeException e) {
          if (!isSystemic(e)) {
            throw e;
          }
          failed++;
          failures.increment();
          LOGGER.warn(
              "inbound message not recorded, reading it again attempt={} error={}",
              failed,
              e.toString());
          rewind(records, done);
          sleeper.sleep(backoff.pauseBefore(failed));
        }
        if (!done.isEmpty()) {
          consumer.commitSync(done);
        }
      }
    } catch (WakeupException e) {
      // close() asked the thread to stop.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOGGER.error("inbound consumer stopped error={}", e.toString());
    } finally {
      consumer.close();
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    InboundMessage message;
    try {
      message = values.deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      if (WireFormatException.isSystemic(e)) {
        throw e;
      }
      unreadable.increment();
      LOGGER.warn(
          "inbound record unreadable, skipped partition={} offset={} error={}",
          record.partition(),
          record.offset(),
          e.toString());
      return;
    }
    if (message == null) {
      return;
    }
    BuyerInboundRecorder.Outcome outcome = recorder.record(message);
    if (outcome.buyerIds().isEmpty()) {
      unmatched.increment();
      return;
    }
    recorded.increment();
    outcome.verdict().ifPresent(v -> verdicts.get(v).increment());
    onRecorded.accept(outcome.buyerIds());
  }

  private static boolean isSystemic(RuntimeException e) {
    return e instanceof BuyerDirectoryUnavailableException || WireFormatException.isSystemic(e);
  }

  /** Every partition of the batch goes back to its first message not recorded. */
  private void rewind(
      ConsumerRecords<byte[], byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
    for (TopicPartition partition : records.partitions()) {
      OffsetAndMetadata next = done.get(partition);
      long first = records.records(partition).getFirst().offset();
      consumer.seek(partition, next == null ? first : next.offset());
    }
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(Duration.ofSeconds(30));
  }
}
