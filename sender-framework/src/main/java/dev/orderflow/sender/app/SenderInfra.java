package dev.orderflow.sender.app;

import dev.orderflow.schema.NotificationRequested;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The outside world a sender runs against: Kafka clients (already configured with group, byte array
 * serdes, manual commits), AWS clients, the metric registry, the value decoder and the clock. The
 * launcher builds it from config; tests build it around a real broker.
 */
public record SenderInfra(
    Supplier<Consumer<byte[], byte[]>> consumer,
    Supplier<Producer<byte[], byte[]>> producer,
    DynamoDbClient dynamo,
    SecretsManagerClient secrets,
    MeterRegistry registry,
    Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder,
    Clock clock) {}
