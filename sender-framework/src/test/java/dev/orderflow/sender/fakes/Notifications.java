package dev.orderflow.sender.fakes;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import dev.orderflow.testsupport.RequestedNotifications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Builds notifications and their bytes (Avro single-object encoding) for tests. */
public final class Notifications {
  private Notifications() {}

  public static NotificationRequested notification(String orderId, String buyerId) {
    return notification(orderId, buyerId, "2348012345" + Math.abs(buyerId.hashCode() % 1000));
  }

  /**
   * {@code n}-th distinct Nigerian mobile number, so tests never hit the pair limit by accident.
   */
  public static String recipient(int n) {
    return String.format("234803%07d", n);
  }

  public static NotificationRequested notification(String orderId, String buyerId, String to) {
    return RequestedNotifications.builder(orderId, buyerId, Platform.WHATSAPP, to).build();
  }

  public static byte[] bytes(NotificationRequested notification) {
    try {
      ByteBuffer buffer = notification.toByteBuffer();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static NotificationRequested decode(ConsumerRecord<byte[], byte[]> record) {
    try {
      return NotificationRequested.fromByteBuffer(ByteBuffer.wrap(record.value()));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a NotificationRequested: " + e.getMessage(), e);
    }
  }
}
