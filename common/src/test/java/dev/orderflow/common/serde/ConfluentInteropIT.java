package dev.orderflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmittedOrder;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records cross between our serde and a standard Confluent-format client we did not write
 * (@kafkajs/confluent-schema-registry with kafkajs, in src/test/node), through the real broker and
 * registry of the shared stack, in both directions.
 */
@RealStack
class ConfluentInteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL_LIMIT = Duration.ofSeconds(60);

  private String bootstrapServers;
  private String registryUrl;
  private String topic;
  private Path work;

  @BeforeAll
  static void clientAndStackAreReady(TestStack stack) throws Exception {
    NodeInterop.ensureInstalled();
    RegistryReadiness.awaitReady(stack.registryUrl().toString());
  }

  @BeforeEach
  void topic(TestStack stack) throws Exception {
    bootstrapServers = stack.kafkaBootstrapServers();
    registryUrl = stack.registryUrl().toString();
    topic = stack.uniqueTopic("it.interop");
    stack.createTopic(topic, 1);
    work = Files.createDirectories(Path.of("target/interop", topic).toAbsolutePath());
  }

  @Test
  void recordsWrittenByTheNodeConfluentClientAreReadByOurDeserializer() throws Exception {
    // Given: the Node client registers the .avsc itself and produces two orders
    Path schema =
        Files.writeString(
            work.resolve("schema.avsc"),
            Contracts.schemaResource("/avro/SubmittedOrder.avsc").toString());
    Path records = work.resolve("records.json");
    JSON.writeValue(
        records.toFile(),
        List.of(asNodeRecord(Contracts.submittedOrder()), asNodeRecord(secondOrder())));
    Path result = work.resolve("produced.json");

    // When
    NodeInterop.script(
        "produce-" + topic,
        "produce",
        bootstrapServers,
        registryUrl,
        topic,
        schema.toString(),
        records.toString(),
        result.toString());
    List<ConsumerRecord<String, SubmittedOrder>> read = consumeWithOurDeserializer(2);

    // Then
    assertThat(read)
        .extracting(ConsumerRecord::value)
        .containsExactly(Contracts.submittedOrder(), secondOrder());
    assertThat(read)
        .extracting(ConsumerRecord::key)
        .containsExactly("LG-2025-000123", "LG-2025-000124");
    try (SchemaRegistryClient registry = new SchemaRegistryClient(registryUrl)) {
      assertThat(registry.latest(topic + "-value").id())
          .isEqualTo(JSON.readTree(result.toFile()).get("schemaId").asInt());
    }
  }

  @Test
  void recordsWrittenByOurSerializerAreReadByTheNodeConfluentClient() throws Exception {
    // Given: we register and produce two OrderCreated records
    OrderCreated first = Contracts.orderCreated();
    OrderCreated second = Contracts.orderCreated();
    second.setOrderId("vendor-lagos-gadgets:LG-2025-000124");
    second.setNote("Gift wrap, please.");
    produceWithOurSerializer(first, second);
    Path result = work.resolve("consumed.json");

    // When
    NodeInterop.script(
        "consume-" + topic,
        "consume",
        bootstrapServers,
        registryUrl,
        topic,
        "2",
        result.toString());

    // Then: the Node client decoded every field, nested records and unions included
    JsonNode decoded = JSON.readTree(result.toFile());
    assertThat(decoded).hasSize(2);
    JsonNode order = decoded.get(0);
    assertThat(order.get("orderId").asText()).isEqualTo(first.getOrderId());
    assertThat(order.get("totalMinor").asLong()).isEqualTo(138_000_000L);
    assertThat(order.get("currency").asText()).isEqualTo("NGN");
    assertThat(order.get("items").get(0).get("name").asText()).isEqualTo("iPhone 15 Pro");
    assertThat(order.get("items").get(1).get("unitPriceMinor").asLong()).isEqualTo(18_000_000L);
    assertThat(order.get("createdAt").asLong()).isEqualTo(first.getCreatedAt().toEpochMilli());
    assertThat(order.get("submission").get("format").asText()).isEqualTo("AVRO");
    assertThat(order.get("submission").get("schemaId").asInt()).isEqualTo(7);
    assertThat(order.get("note").isNull()).isTrue();
    assertThat(decoded.get(1).get("note").asText()).isEqualTo("Gift wrap, please.");
  }

  private static SubmittedOrder secondOrder() {
    SubmittedOrder order = Contracts.submittedOrder();
    order.setOrderId("LG-2025-000124");
    order.setNote(null);
    return order;
  }

  /** The record as a Node Avro client holds it: longs as numbers, optional fields unwrapped. */
  private static ObjectNode asNodeRecord(SubmittedOrder order) {
    ObjectNode node = JSON.createObjectNode();
    node.put("vendorId", order.getVendorId())
        .put("orderId", order.getOrderId())
        .put("buyerId", order.getBuyerId());
    node.put("currency", order.getCurrency()).put("totalMinor", order.getTotalMinor());
    ArrayNode items = node.putArray("items");
    order
        .getItems()
        .forEach(
            i ->
                items
                    .addObject()
                    .put("sku", i.getSku())
                    .put("name", i.getName())
                    .put("quantity", i.getQuantity())
                    .put("unitPriceMinor", i.getUnitPriceMinor()));
    node.put("submittedAt", order.getSubmittedAt().toEpochMilli());
    return order.getNote() == null ? node.putNull("note") : node.put("note", order.getNote());
  }

  private List<ConsumerRecord<String, SubmittedOrder>> consumeWithOurDeserializer(int count) {
    // Configured the way any Kafka application would, by class name and properties.
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            AvroDeserializer.class,
            AvroSerdeConfig.REGISTRY_URL,
            registryUrl,
            AvroSerdeConfig.SPECIFIC_VALUE_TYPE,
            SubmittedOrder.class.getName());
    List<ConsumerRecord<String, SubmittedOrder>> read = new ArrayList<>();
    try (KafkaConsumer<String, SubmittedOrder> consumer = new KafkaConsumer<>(props)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      Instant deadline = Instant.now().plus(POLL_LIMIT);
      while (read.size() < count && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(500)).forEach(read::add);
      }
    }
    return read;
  }

  private void produceWithOurSerializer(OrderCreated... orders) throws Exception {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            30_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            15_000);
    AvroSerializer<OrderCreated> values =
        new AvroSerializer<>(AvroSerdeConfig.localStack(registryUrl));
    try (KafkaProducer<String, OrderCreated> producer =
        new KafkaProducer<>(props, new StringSerializer(), values)) {
      for (OrderCreated order : orders) {
        producer.send(new ProducerRecord<>(topic, order.getOrderId(), order)).get();
      }
    }
  }
}
