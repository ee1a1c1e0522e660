package dev.orderflow.ingest.outcome;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.orderflow.ingest.intake.DroppedHeaders;
import dev.orderflow.ingest.validation.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the JSON value of a rejection record, in one of two forms with the same fields. The full
 * form carries every reason and the original bytes base64-encoded (cut to a prefix, flagged
 * truncated, when larger than {@code maxOriginalBytes}). When that would not fit the room left in a
 * record, the compact form ({@code "compact": true}) stands in: the first {@value #COMPACT_REASONS}
 * reasons with short messages, every distinct code, and a {@value #COMPACT_ORIGINAL_BYTES}-byte
 * prefix. Every vendor-controlled string is capped in both forms, so the compact form is never
 * larger than {@link #COMPACT_MAX_BYTES} whatever was submitted.
 */
public final class RejectionWriter {
  public static final int COMPACT_MAX_BYTES = 32 * 1024;
  static final int COMPACT_REASONS = 10;
  static final int COMPACT_ORIGINAL_BYTES = 1024;
  private static final int COMPACT_MESSAGE_CHARS = 120;
  private static final int COMPACT_FIELD_CHARS = 64;
  private static final int FIELD_CHARS = 200;

  /** Emoji as UTF-8 (4 bytes), not as two escaped surrogates (12): readable, and smaller. */
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private final int maxOriginalBytes;

  /**
   * @param maxOriginalBytes how many original bytes a full rejection carries at most
   */
  public RejectionWriter(int maxOriginalBytes) {
    if (maxOriginalBytes < 0) {
      throw new IllegalArgumentException("maxOriginalBytes: expected >= 0");
    }
    this.maxOriginalBytes = maxOriginalBytes;
  }

  public int maxOriginalBytes() {
    return maxOriginalBytes;
  }

  /** The full form if it is at most {@code room} bytes, else the compact form. */
  public byte[] write(Rejection rejection, int room) {
    byte[] full = write(rejection, false);
    return full.length <= room ? full : write(rejection, true);
  }

  byte[] write(Rejection rejection, boolean compact) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(compact ? 2048 : 1024);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("kind", rejection.kind().name());
      if (compact) {
        json.writeBooleanField("compact", true);
      }
      json.writeStringField("vendorId", capped(rejection.vendorId()));
      json.writeStringField("vendorOrderId", capped(rejection.vendorOrderId()));
      json.writeStringField("correlationId", rejection.correlationId());
      writeReasons(json, rejection.reasons(), compact);
      writeSource(json, rejection);
      json.writeStringField("rejectedAt", rejection.rejectedAt().toString());
      writeDroppedHeaders(json, rejection.droppedHeaders());
      Original original = rejection.original();
      writeOriginal(
          json,
          original == null
              ? null
              : original.cutTo(compact ? COMPACT_ORIGINAL_BYTES : maxOriginalBytes));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static void writeReasons(JsonGenerator json, List<Reason> reasons, boolean compact)
      throws IOException {
    json.writeArrayFieldStart("reasons");
    List<Reason> shown =
        compact ? reasons.subList(0, Math.min(COMPACT_REASONS, reasons.size())) : reasons;
    for (Reason reason : shown) {
      json.writeStartObject();
      json.writeStringField("code", reason.code().name());
      json.writeStringField(
          "field", cut(reason.field(), compact ? COMPACT_FIELD_CHARS : FIELD_CHARS));
      json.writeStringField(
          "message", compact ? cut(reason.message(), COMPACT_MESSAGE_CHARS) : reason.message());
      json.writeEndObject();
    }
    json.writeEndArray();
    if (compact) {
      json.writeArrayFieldStart("reasonCodes");
      for (String code : reasons.stream().map(r -> r.code().name()).distinct().toList()) {
        json.writeString(code);
      }
      json.writeEndArray();
    }
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

  private static void writeDroppedHeaders(JsonGenerator json, DroppedHeaders dropped)
      throws IOException {
    json.writeObjectFieldStart("droppedHeaders");
    json.writeNumberField("count", dropped.count());
    json.writeNumberField("totalBytes", dropped.totalBytes());
    json.writeArrayFieldStart("names");
    for (String name : dropped.names()) {
      json.writeString(name);
    }
    json.writeEndArray();
    json.writeBooleanField("namesCut", dropped.namesCut());
    json.writeEndObject();
  }

  private static void writeOriginal(JsonGenerator json, Original original) throws IOException {
    if (original == null) {
      json.writeNullField("original");
      return;
    }
    json.writeObjectFieldStart("original");
    json.writeNumberField("sizeBytes", original.sizeBytes());
    json.writeStringField("sha256", HexFormat.of().formatHex(original.sha256()));
    json.writeBooleanField("truncated", original.truncated());
    json.writeFieldName("base64");
    json.writeBinary(original.kept());
    json.writeEndObject();
  }

  /** Ids as read may be anything (they are refused for it); a rejection quotes 80 characters. */
  private static String capped(String id) {
    return id == null ? null : Reason.echo(id);
  }

  private static String cut(String text, int maxChars) {
    if (text.codePointCount(0, text.length()) <= maxChars) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, maxChars)) + "…";
  }
}
