package dev.orderflow.sender.fakes;

import dev.orderflow.sender.delivery.Forwarder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Keeps what would have been written to delay tiers and the dead-letter topic. */
public final class RecordingForwarder implements Forwarder {
  private final List<ProducerRecord<byte[], byte[]>> records =
      Collections.synchronizedList(new ArrayList<>());

  @Override
  public void forward(ProducerRecord<byte[], byte[]> record) {
    records.add(record);
  }

  public List<ProducerRecord<byte[], byte[]>> records() {
    return List.copyOf(records);
  }

  public List<ProducerRecord<byte[], byte[]>> to(String topic) {
    return records().stream().filter(r -> r.topic().equals(topic)).toList();
  }
}
