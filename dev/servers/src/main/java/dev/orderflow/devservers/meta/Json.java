package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapper of the simulator and its client. */
final class Json {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  private Json() {}

  /**
   * Deep-merges {@code patch} into {@code target}: objects merge key by key, anything else
   * replaces. Hand-written because Jackson's updating reader appends to arrays instead.
   */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!(target instanceof ObjectNode base) || !patch.isObject()) {
      return patch;
    }
    patch
        .properties()
        .forEach(e -> base.set(e.getKey(), merge(base.path(e.getKey()), e.getValue())));
    return base;
  }
}
