package dev.orderflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orderflow.bench.orders.OrderMix;
import dev.orderflow.bench.orders.OrderPlanner;
import dev.orderflow.bench.orders.RunPlan;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@RealStack
class LoadGeneratorIT {

  @Test
  void ordersArriveKeyedByVendorOrderIdWithACorrelationIdAtTheAskedRate(TestStack test) {
    String topic = test.uniqueTopic("orders.submitted");
    test.createTopic(topic, 3);
    RunPlan plan =
        new OrderPlanner("lg1", OrderMix.realistic(), 600, 1, Clock.systemUTC()).plan(400);

    LoadResult result = new LoadGenerator(test.producer(), topic).run(plan.orders(), 200);

    assertThat(result.failed()).isZero();
    assertThat(result.achievedRate()).isCloseTo(200, within(40.0));
    assertThat(result.producedAt()).hasSize(400);
    List<ConsumerRecord<byte[], byte[]>> records = test.drain(topic, 400, Duration.ofSeconds(30));
    ConsumerRecord<byte[], byte[]> first =
        records.stream()
            .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("lg1-0"))
            .findFirst()
            .orElseThrow();
    assertThat(first.value()).isEqualTo(plan.orders().get(0).json());
    assertThat(
            new String(
                first.headers().lastHeader(HeaderNames.CORRELATION_ID).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("corr-lg1-0");
  }
}
