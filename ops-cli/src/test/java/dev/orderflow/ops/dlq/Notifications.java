package dev.orderflow.ops.dlq;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import dev.orderflow.testsupport.RequestedNotifications;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/** NotificationRequested values as the router writes them, framed for a given schema id. */
final class Notifications {
  private Notifications() {}

  static NotificationRequested of(String orderId, String buyerId, Platform platform) {
    String recipient = platform == Platform.WHATSAPP ? "+2348030000001" : "17841400000000001";
    return RequestedNotifications.builder(orderId, buyerId, platform, recipient)
        .setText("Your order " + orderId + " is confirmed: ₦1,380,000.00")
        .setInsideServiceWindow(true)
        .setRequestedAt(Instant.parse("2026-05-01T09:00:00Z"))
        .build();
  }

  static byte[] framed(int schemaId, NotificationRequested value) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0);
      out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new SpecificDatumWriter<>(NotificationRequested.class).write(value, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
