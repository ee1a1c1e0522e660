package dev.orderflow.sender.retry;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.sender.consume.DueGate;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a delay-tier record's due time from {@link HeaderNames#RETRY_DUE_AT}. */
public final class DueTimes implements DueGate {

  @Override
  public Optional<Instant> notBefore(ConsumerRecord<byte[], byte[]> record) {
    return RetryHeaders.number(record.headers(), HeaderNames.RETRY_DUE_AT)
        .map(Instant::ofEpochMilli);
  }
}
