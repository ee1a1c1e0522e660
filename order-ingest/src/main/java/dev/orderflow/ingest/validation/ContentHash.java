package dev.orderflow.ingest.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of an order's canonical form: compact UTF-8 JSON with keys in alphabetical order,
 * integers in decimal, text trimmed but otherwise as sent, items in submitted order, and no {@code
 * note} key when there is no note. The same order sent as JSON or as Avro hashes alike.
 *
 * <p>{@code submittedAt} is left out on purpose: a vendor that retries an order often stamps the
 * retry anew, and that must count as the same order (a duplicate), not as a conflict.
 */
public final class ContentHash {
  private static final JsonFactory JSON = new JsonFactory();

  private ContentHash() {}

  public static String compute(
      String vendorId,
      String vendorOrderId,
      String buyerId,
      String currency,
      List<ValidItem> items,
      long totalMinor,
      String note) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("buyerId", buyerId);
      json.writeStringField("currency", currency);
      json.writeArrayFieldStart("items");
      for (ValidItem item : items) {
        json.writeStartObject();
        json.writeStringField("name", item.name());
        json.writeNumberField("quantity", item.quantity());
        json.writeStringField("sku", item.sku());
        json.writeNumberField("unitPriceMinor", item.unitPriceMinor());
        json.writeEndObject();
      }
      json.writeEndArray();
      if (note != null) {
        json.writeStringField("note", note);
      }
      json.writeStringField("orderId", vendorOrderId);
      json.writeNumberField("totalMinor", totalMinor);
      json.writeStringField("vendorId", vendorId);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return HexFormat.of().formatHex(sha256(out.toByteArray()));
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
