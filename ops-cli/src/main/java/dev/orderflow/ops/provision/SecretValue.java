package dev.orderflow.ops.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The secret's JSON value, read from a file and checked to hold every required key. */
record SecretValue(String json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String toString() {
    return "SecretValue[redacted]";
  }

  static SecretValue read(Path file, List<String> requiredKeys) {
    JsonNode value;
    try {
      value = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new InvalidSpecException("secret value file " + file + " is not readable JSON", e);
    }
    if (value == null || !value.isObject()) {
      throw new InvalidSpecException("secret value file " + file + ": must be a JSON object");
    }
    for (String key : requiredKeys) {
      JsonNode field = value.get(key);
      if (field == null || !field.isTextual() || field.asText().isBlank()) {
        throw new InvalidSpecException(
            "secret value file " + file + ": '" + key + "' must be a non-empty string");
      }
    }
    return new SecretValue(value.toString());
  }

  boolean sameAs(String other) {
    try {
      return other != null && JSON.readTree(json).equals(JSON.readTree(other));
    } catch (IOException e) {
      return false;
    }
  }
}
