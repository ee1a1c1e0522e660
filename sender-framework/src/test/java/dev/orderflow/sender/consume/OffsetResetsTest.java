package dev.orderflow.sender.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetResetsTest {
  private static final TopicPartition P0 = new TopicPartition("notify.test.retry.30s", 0);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final List<OffsetResetListener.Reset> resets = new ArrayList<>();
  private final OffsetResets check = new OffsetResets(consumer, resets::add);

  @Test
  void aCommittedOffsetInsideTheLogIsLeftAlone() {
    givenLog(5, 20, 12);

    check.check(List.of(P0));

    assertThat(resets).isEmpty();
    assertThat(consumer.position(P0)).isEqualTo(12);
  }

  @Test
  void aCommittedOffsetBelowTheLogStartCountsTheDeletedRecordsAsSkipped() {
    givenLog(7, 10, 3);

    check.check(List.of(P0));

    assertThat(resets).containsExactly(new OffsetResetListener.Reset(P0, 3, 7, 4));
    assertThat(consumer.position(P0)).isEqualTo(7);
  }

  @Test
  void aCommittedOffsetPastTheLogEndIsReadAgainFromTheStartWithNothingSkipped() {
    givenLog(2, 10, 15);

    check.check(List.of(P0));

    assertThat(resets).containsExactly(new OffsetResetListener.Reset(P0, 15, 2, 0));
    assertThat(consumer.position(P0)).isEqualTo(2);
  }

  @Test
  void aPartitionWithoutACommittedOffsetIsNoReset() {
    consumer.assign(List.of(P0));
    consumer.updateBeginningOffsets(Map.of(P0, 4L));
    consumer.updateEndOffsets(Map.of(P0, 9L));

    check.check(List.of(P0));

    assertThat(resets).isEmpty();
  }

  private void givenLog(long start, long end, long committed) {
    consumer.assign(List.of(P0));
    consumer.updateBeginningOffsets(Map.of(P0, start));
    consumer.updateEndOffsets(Map.of(P0, end));
    consumer.commitSync(Map.of(P0, new OffsetAndMetadata(committed)));
    consumer.seek(P0, committed);
  }
}
