package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two Meta messaging platforms the simulator stands in for. */
public enum Platform {
  WHATSAPP,
  INSTAGRAM;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Platform fromWireName(String value) {
    for (Platform platform : values()) {
      if (platform.wireName().equals(value)) {
        return platform;
      }
    }
    throw new IllegalArgumentException(
        "platform must be 'whatsapp' or 'instagram', got '" + value + "'");
  }
}
