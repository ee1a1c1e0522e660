package dev.orderflow.ingest.outcome;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.orderflow.ingest.validation.ContentHash;
import dev.orderflow.ingest.validation.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Writes the JSON value of a rejection record. The original bytes travel base64-encoded; when they
 * would not fit under the broker's message size they are cut to a prefix, flagged as truncated, and
 * the SHA-256 of the full value still identifies them.
 */
public final class RejectionWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private final int maxOriginalBytes;

  /**
   * @param maxOriginalBytes how many original bytes a rejection carries at most
   */
  public RejectionWriter(int maxOriginalBytes) {
    if (maxOriginalBytes < 0) {
      throw new IllegalArgumentException("maxOriginalBytes: expected >= 0");
    }
    this.maxOriginalBytes = maxOriginalBytes;
  }

  public byte[] write(Rejection rejection) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("kind", rejection.kind().name());
      json.writeStringField("vendorId", rejection.vendorId());
      json.writeStringField("vendorOrderId", rejection.vendorOrderId());
      json.writeStringField("correlationId", rejection.correlationId());
      writeReasons(json, rejection);
      writeSource(json, rejection);
      json.writeStringField("rejectedAt", rejection.rejectedAt().toString());
      writeOriginal(json, rejection.original());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static void writeReasons(JsonGenerator json, Rejection rejection) throws IOException {
    json.writeArrayFieldStart("reasons");
    for (Reason reason : rejection.reasons()) {
      json.writeStartObject();
      json.writeStringField("code", reason.code().name());
      json.writeStringField("field", reason.field());
      json.writeStringField("message", reason.message());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeSource(JsonGenerator json, Rejection rejection) throws IOException {
    Provenance source = rejection.source();
    json.writeObjectFieldStart("source");
    json.writeStringField("topic", source.topic());
    json.writeNumberField("partition", source.partition());
    json.writeNumberField("offset", source.offset());
    json.writeStringField("timestamp", Instant.ofEpochMilli(source.timestampMillis()).toString());
    json.writeStringField("format", rejection.format() == null ? null : rejection.format().name());
    if (rejection.schemaId() == null) {
      json.writeNullField("schemaId");
    } else {
      json.writeNumberField("schemaId", rejection.schemaId());
    }
    json.writeEndObject();
  }

  private void writeOriginal(JsonGenerator json, byte[] original) throws IOException {
    if (original == null) {
      json.writeNullField("original");
      return;
    }
    boolean truncated = original.length > maxOriginalBytes;
    byte[] kept = truncated ? Arrays.copyOf(original, maxOriginalBytes) : original;
    json.writeObjectFieldStart("original");
    json.writeNumberField("sizeBytes", original.length);
    json.writeStringField("sha256", HexFormat.of().formatHex(ContentHash.sha256(original)));
    json.writeBooleanField("truncated", truncated);
    json.writeFieldName("base64");
    json.writeBinary(kept);
    json.writeEndObject();
  }
}
