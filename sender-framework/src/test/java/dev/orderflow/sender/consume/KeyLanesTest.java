package dev.orderflow.sender.consume;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KeyLanesTest {
  private final KeyLanes lanes = new KeyLanes();

  @Test
  void aLaneRunsOneRecordAtATimeInOffsetOrder() {
    var a0 = record(0, 0, "a");
    var a1 = record(0, 1, "a");
    var b2 = record(0, 2, "b");
    lanes.add(a0);
    lanes.add(a1);
    lanes.add(b2);

    assertThat(lanes.take()).isSameAs(a0);
    assertThat(lanes.take()).isSameAs(b2);
    assertThat(lanes.take()).isNull();
    lanes.finished(a0);
    assertThat(lanes.take()).isSameAs(a1);
    assertThat(lanes.waitingCount()).isZero();
  }

  @Test
  void recordsWithoutKeysDoNotWaitForEachOther() {
    lanes.add(record(0, 0, null));
    lanes.add(record(0, 1, null));

    assertThat(lanes.take()).isNotNull();
    assertThat(lanes.take()).isNotNull();
  }

  @Test
  void droppingAPartitionForgetsItsWaitingRecordsOnly() {
    lanes.add(record(0, 0, "a"));
    lanes.add(record(0, 1, "a"));
    lanes.add(record(1, 0, "b"));
    lanes.take();

    lanes.drop(new TopicPartition("t", 0));

    assertThat(lanes.waitingCount()).isEqualTo(1);
    assertThat(lanes.take().partition()).isEqualTo(1);
  }

  @Test
  void theSameKeyOnAnotherPartitionIsAnotherLane() {
    lanes.add(record(0, 0, "a"));
    lanes.add(record(1, 0, "a"));

    assertThat(lanes.take()).isNotNull();
    assertThat(lanes.take()).isNotNull();
  }

  private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, String key) {
    return new ConsumerRecord<>(
        "t", partition, offset, key == null ? null : key.getBytes(UTF_8), new byte[0]);
  }
}
