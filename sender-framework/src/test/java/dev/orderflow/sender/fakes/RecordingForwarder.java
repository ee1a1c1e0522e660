package dev.orderflow.sender.fakes;

import dev.orderflow.sender.delivery.Forwarder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;

/**
 * Keeps what would have been written to delay tiers and the dead-letter topic; a topic can be given
 * a size limit (records above it are refused as too large) or be locked (every record refused as
 * not authorized), as a broker would.
 */
public final class RecordingForwarder implements Forwarder {
  private final List<ProducerRecord<byte[], byte[]>> records =
      Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Integer> limits = new ConcurrentHashMap<>();
  private final Set<String> locked = ConcurrentHashMap.newKeySet();

  @Override
  public void forward(ProducerRecord<byte[], byte[]> record) throws Refused {
    if (locked.contains(record.topic())) {
      throw new Refused(record.topic(), false, new TopicAuthorizationException(locked));
    }
    Integer limit = limits.get(record.topic());
    if (limit != null && size(record) > limit) {
      throw new Refused(
          record.topic(),
          true,
          new RecordTooLargeException("the record is " + size(record) + " bytes"));
    }
    records.add(record);
  }

  /** Records (key, value and headers) over {@code maxBytes} are refused as too large. */
  public void limit(String topic, int maxBytes) {
    limits.put(topic, maxBytes);
  }

  /** Every record to {@code topic} is refused as not authorized until {@link #unlock}. */
  public void lock(String topic) {
    locked.add(topic);
  }

  public void unlock(String topic) {
    locked.remove(topic);
  }

  public List<ProducerRecord<byte[], byte[]>> records() {
    return List.copyOf(records);
  }

  public List<ProducerRecord<byte[], byte[]>> to(String topic) {
    return records().stream().filter(r -> r.topic().equals(topic)).toList();
  }

  public static int size(ProducerRecord<byte[], byte[]> record) {
    int size = length(record.key()) + length(record.value());
    for (Header header : record.headers()) {
      size += header.key().length() + length(header.value());
    }
    return size;
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }
}
