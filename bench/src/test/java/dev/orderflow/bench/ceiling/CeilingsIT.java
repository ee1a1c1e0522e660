package dev.orderflow.bench.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.bench.pipeline.StackAddresses;
import dev.orderflow.bench.pipeline.StackClients;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import org.junit.jupiter.api.Test;

@RealStack
class CeilingsIT {

  @Test
  void rawAndPassthroughCeilingsMoveEveryRecordAndReportARate(TestStack test) throws Exception {
    String raw = test.uniqueTopic("bench.raw");
    String copy = test.uniqueTopic("bench.copy");
    StackAddresses stack = StackAddresses.fromEnvironment().withKafka(test.kafkaBootstrapServers());
    try (StackClients clients = new StackClients(stack)) {
      CeilingResult rawResult = new RawCeiling(clients).measure(raw, 20_000, 600);
      CeilingResult passthrough = new PassthroughCeiling(clients).measure(raw, copy, 20_000, 600);

      assertThat(rawResult.recordsPerSecond()).isPositive();
      assertThat(rawResult.producerPerSecond())
          .isGreaterThanOrEqualTo(rawResult.recordsPerSecond());
      assertThat(passthrough.recordsPerSecond()).isPositive();
      assertThat(test.drain(copy, 20_000, java.time.Duration.ofSeconds(60))).hasSize(20_000);
    }
  }
}
