package dev.orderflow.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.bench.orders.BuyerProfile;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@RealStack
class PipelineResourcesIT {

  @Test
  void aRunGetsItsOwnTopicsTablesAndSecretAndSeedsThousandsOfBuyers(TestStack test)
      throws Exception {
    String runId = "it" + Long.toHexString(System.nanoTime());
    PipelineNames names = PipelineNames.unique(runId);
    StackAddresses stack = StackAddresses.fromEnvironment().withKafka(test.kafkaBootstrapServers());
    try (StackClients clients = new StackClients(stack)) {
      PipelineResources resources = new PipelineResources(clients);
      resources.create(names, 2);
      List<BuyerProfile> buyers = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        buyers.add(BuyerProfile.whatsapp("b-" + i, "+2348000000" + (100 + i % 900), "Emeka", "en"));
      }

      resources.seedBuyers(names.buyersTable(), buyers);
      resources.seedBuyers(names.buyersTable(), buyers.subList(0, 10)); // seeding twice is harmless

      assertThat(clients.admin().listTopics().names().get())
          .containsAll(names.flowTopics())
          .containsAll(names.sideTopics());
      Map<String, AttributeValue> item =
          clients
              .dynamoDb()
              .getItem(
                  b ->
                      b.tableName(names.buyersTable())
                          .key(Map.of("buyerId", AttributeValue.fromS("b-999"))))
              .item();
      assertThat(item).containsEntry("whatsappPhone", AttributeValue.fromS("+2348000000199"));
      assertThat(
              clients
                  .dynamoDb()
                  .scan(b -> b.tableName(names.buyersTable()).select("COUNT"))
                  .count())
          .isEqualTo(1_000);
      assertThat(
              clients.secrets().getSecretValue(b -> b.secretId(names.secretName())).secretString())
          .contains("\"whatsappPhoneNumberId\"");
      resources.delete(names);
    }
  }
}
