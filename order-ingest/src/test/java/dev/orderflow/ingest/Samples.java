package dev.orderflow.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.SubmittedOrder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/** Sample submissions in both wire forms, shared by unit and integration tests. */
public final class Samples {
  public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  public static final String YORUBA = "Ẹ̀wà Àgbàdo";
  public static final String EMOJI_NOTE = "Thank you 🙏🏾 — ẹ ṣé!";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Samples() {}

  /** A valid order as a JSON tree: 2 × 250,000 + 1 × 380,000 kobo = 880,000. */
  public static ObjectNode jsonOrder(String vendorId, String orderId) {
    return jsonOrder(vendorId, orderId, NOW.minusSeconds(60));
  }

  public static ObjectNode jsonOrder(String vendorId, String orderId, Instant submittedAt) {
    ObjectNode order = MAPPER.createObjectNode();
    order.put("vendorId", vendorId);
    order.put("orderId", orderId);
    order.put("buyerId", "buyer-42");
    order.put("currency", "NGN");
    ArrayNode items = order.putArray("items");
    items
        .addObject()
        .put("sku", "BEANS-1")
        .put("name", YORUBA)
        .put("quantity", 2)
        .put("unitPriceMinor", 250_000);
    items
        .addObject()
        .put("sku", "RICE-5")
        .put("name", "Ofada rice 5kg")
        .put("quantity", 1)
        .put("unitPriceMinor", 380_000);
    order.put("totalMinor", 880_000);
    order.put("submittedAt", submittedAt.toString());
    order.put("note", EMOJI_NOTE);
    return order;
  }

  public static byte[] bytes(ObjectNode json) {
    try {
      return MAPPER.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The same order as {@link #jsonOrder}, as an Avro SubmittedOrder. */
  public static SubmittedOrder avroOrder(String vendorId, String orderId) {
    return avroOrder(vendorId, orderId, NOW.minusSeconds(60));
  }

  public static SubmittedOrder avroOrder(String vendorId, String orderId, Instant submittedAt) {
    return SubmittedOrder.newBuilder()
        .setVendorId(vendorId)
        .setOrderId(orderId)
        .setBuyerId("buyer-42")
        .setCurrency("NGN")
        .setItems(
            List.of(
                new LineItem("BEANS-1", YORUBA, 2, 250_000L),
                new LineItem("RICE-5", "Ofada rice 5kg", 1, 380_000L)))
        .setTotalMinor(880_000L)
        .setSubmittedAt(submittedAt)
        .setNote(EMOJI_NOTE)
        .build();
  }

  /** Confluent wire format: magic byte 0, 4-byte big-endian schema id, Avro binary. */
  public static byte[] confluentFramed(int schemaId, SubmittedOrder order) {
    return frame(schemaId, avroBinary(order));
  }

  public static byte[] frame(int schemaId, byte[] payload) {
    return ByteBuffer.allocate(5 + payload.length)
        .put((byte) 0)
        .putInt(schemaId)
        .put(payload)
        .array();
  }

  public static byte[] avroBinary(SubmittedOrder order) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new SpecificDatumWriter<>(SubmittedOrder.class).write(order, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
