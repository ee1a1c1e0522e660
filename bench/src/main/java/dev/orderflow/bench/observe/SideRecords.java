package dev.orderflow.bench.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.kafka.HeaderNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads rejections (JSON values) and unroutable records (key and reason header). */
public final class SideRecords {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SideRecords() {}

  /** A rejection as orders.rejected.v1 carries it. */
  public record Rejection(
      String vendorId, String vendorOrderId, List<String> reasonCodes, JsonNode json) {}

  /** An unroutable record: the order id key and its reason header. */
  public record Unroutable(String orderId, String reason, String detail) {}

  public static List<Rejection> rejections(List<ConsumerRecord<byte[], byte[]>> records) {
    List<Rejection> rejections = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      JsonNode json = json(record.value());
      List<String> codes = new ArrayList<>();
      json.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
      rejections.add(
          new Rejection(
              json.path("vendorId").asText(null),
              json.path("vendorOrderId").asText(null),
              codes,
              json));
    }
    return rejections;
  }

  public static List<Unroutable> unroutables(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .map(
            r ->
                new Unroutable(
                    r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                    header(r, HeaderNames.UNROUTABLE_REASON),
                    header(r, HeaderNames.UNROUTABLE_DETAIL)))
        .toList();
  }

  /** How many of each key: a value above 1 is a duplicate. */
  public static <T> Map<String, Integer> counts(
      List<T> items, java.util.function.Function<T, String> key) {
    Map<String, Integer> counts = new HashMap<>();
    items.forEach(i -> counts.merge(String.valueOf(key.apply(i)), 1, Integer::sum));
    return counts;
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static JsonNode json(byte[] value) {
    try {
      return value == null ? MAPPER.nullNode() : MAPPER.readTree(value);
    } catch (IOException e) {
      return MAPPER.nullNode();
    }
  }
}
