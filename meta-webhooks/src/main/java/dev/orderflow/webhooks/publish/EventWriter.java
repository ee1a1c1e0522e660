package dev.orderflow.webhooks.publish;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.KafkaHeaders;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.webhooks.parse.ParseResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes every record one webhook yields (statuses, inbound messages, and the raw body with its
 * reasons when part of it did not map) and returns only once Kafka has acknowledged all of them
 * (idempotent producer, acks=all). Records are serialized here, on the request's thread, so a
 * registry that cannot be reached fails the request rather than a background send.
 *
 * <p>Nothing is transactional: when a write fails half-way Meta delivers the webhook again and the
 * records written the first time appear twice. Statuses and inbound messages are idempotent facts
 * (the same wamid, state and time), so their readers apply them idempotently anyway.
 */
public final class EventWriter {
  private final Producer<byte[], byte[]> producer;
  private final WebhookTopics topics;
  private final Duration timeout;

  public EventWriter(Producer<byte[], byte[]> producer, WebhookTopics topics, Duration timeout) {
    this.producer = producer;
    this.topics = topics;
    this.timeout = timeout;
  }

  /**
   * @throws WriteFailedException when a record could not be serialized, sent or acknowledged within
   *     the timeout
   */
  public void write(ParseResult.Webhook webhook, Delivery delivery) throws WriteFailedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    try {
      for (DeliveryStatus status : webhook.statuses()) {
        acks.add(producer.send(statusRecord(status, webhook.object(), delivery)));
      }
      for (InboundMessage message : webhook.inbound()) {
        acks.add(producer.send(inboundRecord(message, webhook.object(), delivery)));
      }
      if (!webhook.unparsed().isEmpty()) {
        acks.add(producer.send(unparsedRecord(webhook, delivery)));
      }
    } catch (RuntimeException e) {
      throw new WriteFailedException("could not send: " + e, e);
    }
    for (Future<RecordMetadata> ack : acks) {
      await(ack, deadline);
    }
  }

  private ProducerRecord<byte[], byte[]> statusRecord(
      DeliveryStatus status, String object, Delivery delivery) {
    String topic = topics.status().name();
    Headers headers = headers(object, delivery);
    byte[] value = topics.status().valueSerializer().serialize(topic, headers, status);
    return new ProducerRecord<>(topic, null, utf8(status.getMessageId()), value, headers);
  }

  private ProducerRecord<byte[], byte[]> inboundRecord(
      InboundMessage message, String object, Delivery delivery) {
    String topic = topics.inbound().name();
    Headers headers = headers(object, delivery);
    byte[] value = topics.inbound().valueSerializer().serialize(topic, headers, message);
    return new ProducerRecord<>(topic, null, utf8(message.getSenderId()), value, headers);
  }

  private ProducerRecord<byte[], byte[]> unparsedRecord(
      ParseResult.Webhook webhook, Delivery delivery) {
    Headers headers = headers(webhook.object(), delivery);
    webhook.unparsed().forEach(reason -> headers.add(HeaderNames.UNPARSED_REASON, utf8(reason)));
    return new ProducerRecord<>(
        topics.unparsed(), null, utf8(webhook.object()), delivery.body(), headers);
  }

  private static Headers headers(String object, Delivery delivery) {
    Headers headers = new RecordHeaders();
    KafkaHeaders.putString(headers, HeaderNames.CORRELATION_ID, delivery.requestId());
    KafkaHeaders.putLong(
        headers, HeaderNames.WEBHOOK_RECEIVED_AT, delivery.receivedAt().toEpochMilli());
    KafkaHeaders.putString(headers, HeaderNames.WEBHOOK_OBJECT, object);
    return headers;
  }

  private static void await(Future<RecordMetadata> ack, long deadline) throws WriteFailedException {
    try {
      ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new WriteFailedException("Kafka refused a record: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new WriteFailedException("Kafka did not acknowledge in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WriteFailedException("interrupted while waiting for Kafka", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
