package dev.orderflow.sender.app;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.ledger.DeliveryLedger;
import dev.orderflow.sender.ledger.DynamoDeliveryLedger;
import dev.orderflow.sender.ledger.LedgerConfig;
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
 * serdes, manual commits), the ledger, Secrets Manager, the metric registry, the value decoder and
 * the clock. The launcher builds it from config; tests build it around the real stack.
 */
public record SenderInfra(
    Supplier<Consumer<byte[], byte[]>> consumer,
    Supplier<Producer<byte[], byte[]>> producer,
    Function<LedgerConfig, DeliveryLedger> ledger,
    SecretsManagerClient secrets,
    MeterRegistry registry,
    Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder,
    Clock clock) {

  /** With the production ledger on DynamoDB. */
  public SenderInfra(
      Supplier<Consumer<byte[], byte[]>> consumer,
      Supplier<Producer<byte[], byte[]>> producer,
      DynamoDbClient dynamo,
      SecretsManagerClient secrets,
      MeterRegistry registry,
      Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder,
      Clock clock) {
    this(
        consumer,
        producer,
        config -> new DynamoDeliveryLedger(dynamo, config),
        secrets,
        registry,
        decoder,
        clock);
  }
}
