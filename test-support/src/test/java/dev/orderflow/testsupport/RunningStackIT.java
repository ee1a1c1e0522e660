package dev.orderflow.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Pinned to the shared stack (dev/start.sh); fails with that hint when the stack is down. */
@RealStack(kafka = KafkaMode.STACK)
class RunningStackIT {
  @Test
  void producedRecordIsReadBackFromTheRunningBroker(TestStack stack) throws Exception {
    // Given
    String topic = stack.uniqueTopic("orders.submitted");
    stack.createTopic(topic, 2);

    // When
    stack
        .producer()
        .send(new ProducerRecord<>(topic, "v-1".getBytes(UTF_8), "{}".getBytes(UTF_8)))
        .get(20, TimeUnit.SECONDS);

    // Then
    assertThat(stack.kafkaMode()).isEqualTo(KafkaMode.STACK);
    assertThat(stack.drain(topic, 1, Duration.ofSeconds(20)))
        .extracting(r -> new String(r.key(), UTF_8))
        .containsExactly("v-1");
  }

  @Test
  void tableCreatedOnDynaliteStoresAnItem(TestStack stack) {
    // Given
    String table = stack.uniqueTable("buyers");
    stack.createTable(table, "buyerId");

    // When
    stack
        .dynamoDb()
        .putItem(b -> b.tableName(table).item(Map.of("buyerId", AttributeValue.fromS("b-1"))));

    // Then
    var item =
        stack
            .dynamoDb()
            .getItem(b -> b.tableName(table).key(Map.of("buyerId", AttributeValue.fromS("b-1"))))
            .item();
    assertThat(item).containsEntry("buyerId", AttributeValue.fromS("b-1"));
  }

  @Test
  void registryAnswersOnItsConfluentApi(TestStack stack) throws Exception {
    URI subjects = URI.create(stack.registryUrl() + "/subjects");
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(subjects).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).startsWith("[");
    }
  }
}
