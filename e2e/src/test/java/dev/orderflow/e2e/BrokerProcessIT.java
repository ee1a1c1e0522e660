package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.bench.observe.TopicScan;
import dev.orderflow.bench.pipeline.PipelineResources;
import dev.orderflow.bench.pipeline.StackAddresses;
import dev.orderflow.bench.pipeline.StackClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerProcessIT {

  @Test
  void recordsWrittenBeforeABrokerRestartAreReadAfterIt(@TempDir Path dir) throws Exception {
    try (BrokerProcess broker = new BrokerProcess(dir).start()) {
      StackAddresses stack = StackAddresses.fromEnvironment().withKafka(broker.bootstrapServers());
      try (StackClients clients = new StackClients(stack)) {
        new PipelineResources(clients).createTopics(List.of("restart.check"), 3);
        try (KafkaProducer<byte[], byte[]> producer = clients.producer("restart-check")) {
          producer
              .send(
                  new ProducerRecord<>("restart.check", "before".getBytes(StandardCharsets.UTF_8)))
              .get();
        }
      }

      broker.stop();
      broker.start();

      assertThat(TopicScan.all(broker.bootstrapServers(), "restart.check"))
          .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .containsExactly("before");
    }
  }
}
