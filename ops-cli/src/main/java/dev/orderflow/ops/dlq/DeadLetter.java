package dev.orderflow.ops.dlq;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One parked record as operations see it, whichever topic it sits in.
 *
 * @param key the key as UTF-8 text, or hex when it is not text; null for a null key
 * @param platform lower case ({@code whatsapp}), or null when unknown
 * @param attempts delivery attempts before parking, or null when the topic does not say
 * @param originalTopic where the record came from (and goes back to on replay), or null
 * @param original its coordinates there, or null
 */
record DeadLetter(
    Coordinates at,
    Instant timestamp,
    String key,
    SourceKind kind,
    String orderId,
    String buyerId,
    String platform,
    String errorClass,
    String code,
    String message,
    Integer attempts,
    int replays,
    String originalTopic,
    Coordinates original,
    String correlationId,
    String service,
    DecodedValue value,
    ConsumerRecord<byte[], byte[]> record) {}
