package dev.orderflow.ingest.topology;

import dev.orderflow.ingest.intake.DroppedHeaders;
import dev.orderflow.ingest.outcome.Original;
import dev.orderflow.ingest.outcome.Provenance;
import dev.orderflow.ingest.validation.ContentHash;
import dev.orderflow.schema.SubmissionFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A valid order on its way to deduplication: its OrderCreated already serialized for the created
 * topic (so the dedup stage forwards bytes and decodes no Avro), what the dedup decision needs, and
 * what a duplicate or conflict rejection says. It only travels through this service's own
 * repartition topic, so it is framed by hand ({@link DataOutputStream}, version byte first); every
 * string in it is bounded by the validation rules or by {@link DroppedHeaders}.
 *
 * @param sourceKey the submitted key, cut to {@link OutcomeHeaders#MAX_KEY_BYTES}
 * @param originalSha256 null when {@code originalKept} is the whole submitted value
 * @param created the OrderCreated in the Confluent wire format
 */
record AcceptedSubmission(
    String orderId,
    String vendorId,
    String vendorOrderId,
    String correlationId,
    String requestId,
    String contentHash,
    SubmissionFormat format,
    Integer schemaId,
    Provenance source,
    DroppedHeaders droppedHeaders,
    byte[] sourceKey,
    int originalSize,
    byte[] originalSha256,
    byte[] originalKept,
    byte[] created) {
  private static final byte VERSION = 2;

  /** The submitted value as a rejection carries it. */
  Original original() {
    byte[] sha256 = originalSha256 == null ? ContentHash.sha256(originalKept) : originalSha256;
    return new Original(originalSize, sha256, originalKept);
  }

  /** The same submission carrying at most {@code max} original bytes (hashing the whole first). */
  AcceptedSubmission withOriginalCutTo(int max) {
    if (originalKept.length <= max) {
      return this;
    }
    Original cut = original().cutTo(max);
    return new AcceptedSubmission(
        orderId,
        vendorId,
        vendorOrderId,
        correlationId,
        requestId,
        contentHash,
        format,
        schemaId,
        source,
        droppedHeaders,
        sourceKey,
        originalSize,
        cut.sha256(),
        cut.kept(),
        created);
  }

  byte[] toBytes() {
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(256 + created.length + originalKept.length);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(orderId);
      out.writeUTF(vendorId);
      out.writeUTF(vendorOrderId);
      out.writeUTF(correlationId);
      writeNullable(out, requestId);
      out.writeUTF(contentHash);
      out.writeByte(format.ordinal());
      out.writeInt(schemaId == null ? -1 : schemaId);
      out.writeUTF(source.topic());
      out.writeInt(source.partition());
      out.writeLong(source.offset());
      out.writeLong(source.timestampMillis());
      writeDropped(out, droppedHeaders);
      writeBytes(out, sourceKey);
      out.writeInt(originalSize);
      writeBytes(out, originalSha256);
      writeBytes(out, originalKept);
      writeBytes(out, created);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static AcceptedSubmission fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown AcceptedSubmission version " + version);
      }
      String orderId = in.readUTF();
      String vendorId = in.readUTF();
      String vendorOrderId = in.readUTF();
      String correlationId = in.readUTF();
      String requestId = readNullable(in);
      String contentHash = in.readUTF();
      SubmissionFormat format = SubmissionFormat.values()[in.readByte()];
      int schemaId = in.readInt();
      Provenance source = new Provenance(in.readUTF(), in.readInt(), in.readLong(), in.readLong());
      DroppedHeaders dropped = readDropped(in);
      byte[] sourceKey = readBytes(in);
      int originalSize = in.readInt();
      byte[] originalSha256 = readBytes(in);
      byte[] originalKept = readBytes(in);
      return new AcceptedSubmission(
          orderId,
          vendorId,
          vendorOrderId,
          correlationId,
          requestId,
          contentHash,
          format,
          schemaId < 0 ? null : schemaId,
          source,
          dropped,
          sourceKey,
          originalSize,
          originalSha256,
          originalKept,
          readBytes(in));
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt AcceptedSubmission", e);
    }
  }

  private static void writeDropped(DataOutputStream out, DroppedHeaders dropped)
      throws IOException {
    out.writeInt(dropped.count());
    out.writeLong(dropped.totalBytes());
    out.writeBoolean(dropped.namesCut());
    out.writeByte(dropped.names().size());
    for (String name : dropped.names()) {
      out.writeUTF(name);
    }
  }

  private static DroppedHeaders readDropped(DataInputStream in) throws IOException {
    int count = in.readInt();
    long totalBytes = in.readLong();
    boolean namesCut = in.readBoolean();
    int names = in.readByte();
    if (count == 0) {
      return DroppedHeaders.NONE;
    }
    List<String> list = new ArrayList<>(names);
    for (int i = 0; i < names; i++) {
      list.add(in.readUTF());
    }
    return new DroppedHeaders(count, totalBytes, list, namesCut);
  }

  private static void writeNullable(DataOutputStream out, String text) throws IOException {
    out.writeBoolean(text != null);
    if (text != null) {
      out.writeUTF(text);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes == null ? -1 : bytes.length);
    if (bytes != null) {
      out.write(bytes);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    return length < 0 ? null : in.readNBytes(length);
  }
}
