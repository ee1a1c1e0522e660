package dev.orderflow.ops.dlq;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/** NotificationRequested values as the router writes them, framed for a given schema id. */
final class Notifications {
  private Notifications() {}

  static NotificationRequested of(String orderId, String buyerId, Platform platform) {
    return NotificationRequested.newBuilder()
        .setNotificationId(orderId + ":" + platform.name().toLowerCase(Locale.ROOT))
        .setOrderId(orderId)
        .setBuyerId(buyerId)
        .setPlatform(platform)
        .setRecipient(platform == Platform.WHATSAPP ? "+2348030000001" : "17841400000000001")
        .setLocale("en-NG")
        .setCurrency("NGN")
        .setTotalMinor(1_380_000_00L)
        .setText("Your order " + orderId + " is confirmed: ₦1,380,000.00")
        .setTemplate(null)
        .setInsideServiceWindow(true)
        .setCorrelationId("corr-" + orderId)
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
