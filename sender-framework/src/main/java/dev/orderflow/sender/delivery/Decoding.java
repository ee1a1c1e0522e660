package dev.orderflow.sender.delivery;

import dev.orderflow.common.serde.WireFormatException;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.circuit.OpenReason;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a record's value, telling the record's fault from the registry's ({@link
 * WireFormatException#isSystemic}). A value that cannot be read is returned as such, to be
 * dead-lettered; a registry that cannot be reached opens the channel's circuit (REGISTRY), and the
 * record waits, uncommitted, to be decoded again once a probe passes. The probe decodes the record
 * that last found the registry away.
 */
final class Decoding {
  private static final Logger LOGGER = LoggerFactory.getLogger(Decoding.class);

  private final DeliveryDeps deps;
  private final Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder;
  private final AtomicReference<ConsumerRecord<byte[], byte[]>> waiting = new AtomicReference<>();

  Decoding(
      DeliveryDeps deps, Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder) {
    this.deps = deps;
    this.decoder = decoder;
  }

  /** What decoding made of a record. */
  sealed interface Decoded {
    record Readable(NotificationRequested notification) implements Decoded {}

    record Unreadable(RuntimeException reason) implements Decoded {}
  }

  Decoded decode(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    while (true) {
      try {
        return new Decoded.Readable(decoder.apply(record));
      } catch (RuntimeException e) {
        if (!WireFormatException.isSystemic(e)) {
          return new Decoded.Unreadable(e);
        }
        waitForRegistry(record, e);
      }
    }
  }

  /** True when the record that found the registry away now decodes (or is refused outright). */
  boolean probe() {
    ConsumerRecord<byte[], byte[]> record = waiting.get();
    if (record == null) {
      return true;
    }
    try {
      decoder.apply(record);
    } catch (RuntimeException e) {
      if (WireFormatException.isSystemic(e)) {
        LOGGER.info("schema registry still unavailable: {}", e.getMessage());
        return false;
      }
    }
    waiting.compareAndSet(record, null);
    return true;
  }

  private void waitForRegistry(ConsumerRecord<byte[], byte[]> record, RuntimeException e)
      throws InterruptedException {
    waiting.set(record);
    if (!deps.circuit().isOpen()) {
      deps.metrics().channelPaused(OpenReason.REGISTRY.name());
      LOGGER.warn(
          "schema registry unavailable, pausing the channel topic={} partition={} offset={}",
          record.topic(),
          record.partition(),
          record.offset());
    }
    deps.circuit()
        .open(OpenReason.REGISTRY, MetaError.noResponse("schema registry: " + e.getMessage()));
    deps.circuit().awaitNotOpen();
  }
}
