package dev.orderflow.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.validation.DraftOrder;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import dev.orderflow.schema.SubmissionFormat;
import dev.orderflow.schema.SubmittedOrder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class AvroSubmissionTest {
  private static final int CURRENT = 1;
  private static final int UNRELATED = 2;
  private static final Schema UNRELATED_SCHEMA =
      SchemaBuilder.record("Invoice").fields().requiredString("number").endRecord();
  private static final Map<Integer, Schema> REGISTRY =
      Map.of(CURRENT, SubmittedOrder.getClassSchema(), UNRELATED, UNRELATED_SCHEMA);

  private final SubmissionParser parser =
      new SubmissionParser(id -> Optional.ofNullable(REGISTRY.get(id)), 262_144);

  private DraftOrder readable(byte[] value) {
    ParseResult result = parser.parse(value);
    assertThat(result).isInstanceOf(ParseResult.Readable.class);
    assertThat(result.format()).isEqualTo(SubmissionFormat.AVRO);
    assertThat(result.schemaId()).isEqualTo(CURRENT);
    return ((ParseResult.Readable) result).draft();
  }

  private Reason onlyReason(byte[] value) {
    ParseResult result = parser.parse(value);
    assertThat(result).isInstanceOf(ParseResult.Unreadable.class);
    return ((ParseResult.Unreadable) result).reasons().getFirst();
  }

  @Test
  void anAvroOrderInTheConfluentWireFormatIsReadLikeItsJsonTwin() {
    DraftOrder avro =
        readable(Samples.confluentFramed(CURRENT, Samples.avroOrder("vendor-7", "ORD-1")));
    ParseResult json = parser.parse(Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")));

    assertThat(avro).isEqualTo(((ParseResult.Readable) json).draft());
  }

  @Test
  void anUnknownSchemaIdIsRefusedAndNamed() {
    ParseResult result =
        parser.parse(Samples.confluentFramed(99, Samples.avroOrder("vendor-7", "ORD-1")));

    assertThat(result.schemaId()).isEqualTo(99);
    assertThat(((ParseResult.Unreadable) result).reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.UNKNOWN_SCHEMA_ID);
  }

  @Test
  void anUnreachableRegistryIsAnErrorNotARejection() {
    SubmissionParser offline =
        new SubmissionParser(
            id -> {
              throw new WriterSchemaUnavailableException("registry down", null);
            },
            262_144);

    assertThatThrownBy(() -> offline.parse(Samples.confluentFramed(1, Samples.avroOrder("v", "o"))))
        .isInstanceOf(WriterSchemaUnavailableException.class);
  }

  @Test
  void aSchemaThatIsNotASubmittedOrderIsIncompatible() {
    Reason reason = onlyReason(Samples.frame(UNRELATED, new byte[] {2, 'x'}));

    assertThat(reason.code()).isEqualTo(ReasonCode.INCOMPATIBLE_SCHEMA);
    assertThat(reason.message()).contains("Invoice");
  }

  @Test
  void garbageAfterTheHeaderIsMalformedAvro() {
    assertThat(onlyReason(Samples.frame(CURRENT, new byte[] {(byte) 0xFF, 1, 2})).code())
        .isEqualTo(ReasonCode.MALFORMED_AVRO);
  }

  @Test
  void bytesLeftAfterTheRecordAreMalformedAvro() {
    byte[] order = Samples.avroBinary(Samples.avroOrder("vendor-7", "ORD-1"));
    byte[] padded = Arrays.copyOf(order, order.length + 3);

    assertThat(onlyReason(Samples.frame(CURRENT, padded)).message()).contains("left over");
  }

  @Test
  void aForgedItemCountFailsFastInsteadOfAllocatingForIt() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    for (String field : new String[] {"v", "o", "b", "NGN"}) {
      encoder.writeString(field);
    }
    encoder.writeArrayStart();
    encoder.setItemCount(Integer.MAX_VALUE - 16);
    encoder.flush();

    assertThat(onlyReason(Samples.frame(CURRENT, out.toByteArray())).code())
        .isEqualTo(ReasonCode.MALFORMED_AVRO);
  }

  @Test
  void invalidUtf8InAnAvroStringIsAReasonOnThatField() {
    byte[] order = Samples.avroBinary(Samples.avroOrder("vendor-7", "ORD-1"));
    int at = indexOf(order, Samples.utf8("Ofada"));
    order[at + 2] = (byte) 0xFF;

    assertThat(readable(Samples.frame(CURRENT, order)).problems())
        .extracting(Reason::code, Reason::field)
        .containsExactly(tuple(ReasonCode.INVALID_UTF8, "items[1].name"));
  }

  @Test
  void anOrderWrittenWithANewerSchemaThatAddsAFieldIsStillRead() {
    Schema newer =
        new Schema.Parser()
            .parse(
                SubmittedOrder.getClassSchema()
                    .toString()
                    .replace(
                        "{\"name\":\"note\"",
                        "{\"name\":\"channel\",\"type\":\"string\",\"default\":\"web\"},"
                            + "{\"name\":\"note\""));
    SubmissionParser evolved = new SubmissionParser(id -> Optional.of(newer), 262_144);
    org.apache.avro.generic.GenericRecord record =
        new org.apache.avro.generic.GenericData.Record(newer);
    SubmittedOrder order = Samples.avroOrder("vendor-7", "ORD-1");
    for (Schema.Field field : SubmittedOrder.getClassSchema().getFields()) {
      record.put(field.name(), order.get(field.name()));
    }
    record.put("submittedAt", order.getSubmittedAt().toEpochMilli());
    record.put("channel", "whatsapp");
    byte[] payload = genericBinary(newer, record);

    ParseResult result = evolved.parse(Samples.frame(7, payload));

    assertThat(result).isInstanceOf(ParseResult.Readable.class);
    assertThat(((ParseResult.Readable) result).draft().orderId()).isEqualTo("ORD-1");
  }

  private static byte[] genericBinary(Schema schema, Object record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new org.apache.avro.generic.GenericDatumWriter<Object>(schema).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
