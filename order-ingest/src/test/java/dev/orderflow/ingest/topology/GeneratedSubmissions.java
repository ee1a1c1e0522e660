package dev.orderflow.ingest.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.ingest.Samples;
import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.SubmittedOrder;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Generated submissions of every kind a vendor's client can send: valid orders and mutations of
 * them (fields removed, retyped, flooded; bytes flipped, cut, spliced), random bytes, Confluent
 * frames with random schema ids, deep nesting, text from every Unicode plane, and headers that are
 * many, huge, or named like the pipeline's own.
 */
final class GeneratedSubmissions {
  /** One generated record as a vendor's producer would send it. */
  record Submission(byte[] key, byte[] value, List<Header> headers) {
    @Override
    public String toString() {
      return "Submission[key="
          + size(key)
          + " B, value="
          + size(value)
          + " B, headers="
          + headers.size()
          + "]";
    }

    private static String size(byte[] bytes) {
      return bytes == null ? "null" : Integer.toString(bytes.length);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of(
          "vendorId",
          "orderId",
          "buyerId",
          "currency",
          "items",
          "totalMinor",
          "submittedAt",
          "note");

  private GeneratedSubmissions() {}

  static Arbitrary<Submission> submissions() {
    return Combinators.combine(keys(), values(), headers()).as(Submission::new);
  }

  private static Arbitrary<byte[]> keys() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.strings().alpha().numeric().ofMaxLength(20).map(Samples::utf8)),
        Tuple.of(1, Arbitraries.just((byte[]) null)),
        Tuple.of(1, bytes(0, 5000)));
  }

  private static Arbitrary<byte[]> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(10, orderIds().map(id -> json(Samples.jsonOrder("v-gen", id)))),
        Tuple.of(30, mutatedJson()),
        Tuple.of(
            10,
            Combinators.combine(orderIds(), text(), text()).as(GeneratedSubmissions::unicodeOrder)),
        Tuple.of(12, avro()),
        Tuple.of(15, bytes(0, 2000)),
        Tuple.of(5, Arbitraries.integers().between(2, 5000).map(GeneratedSubmissions::deepNesting)),
        Tuple.of(3, Arbitraries.of(new byte[0], Samples.utf8("   "), Samples.utf8("\uFEFF{}"))),
        Tuple.of(2, Arbitraries.just((byte[]) null)),
        Tuple.of(
            2, Arbitraries.integers().between(200_000, 700_000).map(GeneratedSubmissions::huge)));
  }

  private static Arbitrary<String> orderIds() {
    // A small pool, so that repeats (duplicates and conflicts) are common.
    return Arbitraries.integers().between(1, 300).map(i -> "ORD-" + i);
  }

  private static Arbitrary<byte[]> mutatedJson() {
    Arbitrary<ObjectNode> order = orderIds().map(id -> Samples.jsonOrder("v-gen", id));
    Arbitrary<ObjectNode> changed =
        Combinators.combine(
                order, Arbitraries.of(FIELDS), jsonValues(), Arbitraries.integers().between(0, 3))
            .as(GeneratedSubmissions::changeField);
    return Combinators.combine(changed.map(GeneratedSubmissions::json), byteEdits())
        .as((bytes, edit) -> edit.apply(bytes));
  }

  private static ObjectNode changeField(ObjectNode order, String field, JsonNode value, int how) {
    switch (how) {
      case 0 -> order.remove(field);
      case 1 -> order.set(field, value);
      case 2 -> ((ObjectNode) order.get("items").get(0)).set(field, value);
      default -> {
        ArrayNode items = order.putArray("items");
        for (int i = 0; i < 1 + Math.floorMod(value.hashCode(), 150); i++) {
          items
              .addObject()
              .put("sku", "S" + i)
              .put("name", "n")
              .put("quantity", 1)
              .put("unitPriceMinor", i);
        }
      }
    }
    return order;
  }

  private static Arbitrary<JsonNode> jsonValues() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return Arbitraries.oneOf(
        text().map(nodes::textNode),
        Arbitraries.longs().map(nodes::numberNode),
        Arbitraries.bigDecimals().map(nodes::numberNode),
        Arbitraries.of(
            nodes.nullNode(),
            nodes.booleanNode(true),
            nodes.arrayNode(),
            nodes.objectNode(),
            nodes.textNode("lone \uD800 surrogate")),
        Arbitraries.integers().between(1, 200).map(depth -> nested(nodes, depth)));
  }

  private static JsonNode nested(JsonNodeFactory nodes, int depth) {
    JsonNode node = nodes.textNode("deep");
    for (int i = 0; i < depth; i++) {
      node = i % 2 == 0 ? nodes.arrayNode().add(node) : nodes.objectNode().set("n", node);
    }
    return node;
  }

  /** Byte-level damage: none, a flipped byte, a cut, or random bytes spliced in. */
  private static Arbitrary<java.util.function.UnaryOperator<byte[]>> byteEdits() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 10_000);
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(bytes -> bytes)),
        Tuple.of(
            2,
            Combinators.combine(at, Arbitraries.bytes()).as((i, b) -> bytes -> flip(bytes, i, b))),
        Tuple.of(1, at.map(i -> bytes -> Arrays.copyOf(bytes, Math.floorMod(i, bytes.length + 1)))),
        Tuple.of(
            1, Combinators.combine(at, bytes(1, 50)).as((i, b) -> bytes -> splice(bytes, i, b))));
  }

  private static Arbitrary<byte[]> avro() {
    Arbitrary<Integer> ids = Arbitraries.integers();
    return Arbitraries.frequencyOf(
        Tuple.of(
            4, Combinators.combine(orderIds(), text(), text()).as(GeneratedSubmissions::avroOrder)),
        Tuple.of(3, Combinators.combine(Arbitraries.of(1), bytes(0, 300)).as(Samples::frame)),
        Tuple.of(4, Combinators.combine(ids, bytes(0, 300)).as(Samples::frame)),
        Tuple.of(1, bytes(0, 4).map(b -> splice(new byte[] {0}, 1, b))));
  }

  /** Any code point of any plane except lone surrogates (those get their own mutations). */
  private static Arbitrary<String> text() {
    Arbitrary<Integer> anyPlane =
        Arbitraries.integers().between(0, 0x10FFFF).filter(cp -> cp < 0xD800 || cp > 0xDFFF);
    Arbitrary<Integer> tricky =
        Arbitraries.of(0x202E, 0x200B, 0x200D, 0xFEFF, 0x0000, 0x1F469, 0xFE0F, 0x0301);
    return Arbitraries.frequencyOf(Tuple.of(3, anyPlane), Tuple.of(1, tricky))
        .list()
        .ofMaxSize(300)
        .map(
            cps -> {
              StringBuilder text = new StringBuilder();
              cps.forEach(text::appendCodePoint);
              return text.toString();
            });
  }

  private static byte[] unicodeOrder(String orderId, String name, String note) {
    ObjectNode order = Samples.jsonOrder("v-gen", orderId);
    ((ObjectNode) order.get("items").get(0)).put("name", name);
    order.put("note", note);
    return json(order);
  }

  private static byte[] avroOrder(String orderId, String name, String note) {
    SubmittedOrder order = Samples.avroOrder("v-gen", orderId);
    order.setItems(List.of(new LineItem("S-1", name, 1, 880_000L)));
    order.setNote(note);
    return Samples.confluentFramed(1, order);
  }

  private static byte[] deepNesting(int depth) {
    String open = "{\"items\":" + "[".repeat(depth);
    return Samples.utf8(open + "1" + "]".repeat(depth) + "}");
  }

  private static byte[] huge(int size) {
    byte[] value = new byte[size];
    Arrays.fill(value, (byte) 'a');
    value[0] = '{';
    return value;
  }

  private static Arbitrary<List<Header>> headers() {
    Arbitrary<String> names =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.strings().all().ofMaxLength(50)),
            Tuple.of(
                2,
                Arbitraries.of(
                    HeaderNames.CORRELATION_ID,
                    HeaderNames.VENDOR_REQUEST_ID,
                    HeaderNames.DLQ_ERROR_CLASS,
                    HeaderNames.UNROUTABLE_REASON,
                    HeaderNames.RETRY_ATTEMPTS,
                    HeaderNames.REPLAY_COUNT,
                    HeaderNames.INGEST_SOURCE,
                    HeaderNames.REJECT_REASON)));
    Arbitrary<Header> small = Combinators.combine(names, bytes(0, 200)).as(RecordHeader::new);
    Arbitrary<List<Header>> numerous =
        Combinators.combine(Arbitraries.integers().between(500, 3000), Arbitraries.longs())
            .as(GeneratedSubmissions::numerousHeaders);
    Arbitrary<Header> large =
        Combinators.combine(names, Arbitraries.integers().between(50_000, 400_000))
            .as((name, size) -> new RecordHeader(name, new byte[size]));
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.just(List.of())),
        Tuple.of(10, small.list().ofMaxSize(10)),
        Tuple.of(2, numerous),
        Tuple.of(1, large.list().ofMinSize(1).ofMaxSize(2)));
  }

  /**
   * Random bytes from a generated size and seed: jqwik's own byte arrays make one shrinkable value
   * per byte, which is far too slow for thousands of headers of hundreds of bytes.
   */
  private static List<Header> numerousHeaders(int count, long seed) {
    java.util.Random random = new java.util.Random(seed);
    List<Header> headers = new java.util.ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] value = new byte[random.nextInt(200)];
      random.nextBytes(value);
      headers.add(new RecordHeader("h-" + random.nextInt(100_000), value));
    }
    return headers;
  }

  private static Arbitrary<byte[]> bytes(int min, int max) {
    return Combinators.combine(Arbitraries.integers().between(min, max), Arbitraries.longs())
        .as(
            (size, seed) -> {
              byte[] bytes = new byte[size];
              new java.util.Random(seed).nextBytes(bytes);
              return bytes;
            });
  }

  private static byte[] json(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] flip(byte[] bytes, int at, byte with) {
    if (bytes.length == 0) {
      return bytes;
    }
    byte[] copy = bytes.clone();
    copy[Math.floorMod(at, copy.length)] ^= (byte) (with == 0 ? 1 : with);
    return copy;
  }

  private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
    int i = Math.floorMod(at, bytes.length + 1);
    byte[] out = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, out, 0, i);
    System.arraycopy(inserted, 0, out, i, inserted.length);
    System.arraycopy(bytes, i, out, i + inserted.length, bytes.length - i);
    return out;
  }
}
