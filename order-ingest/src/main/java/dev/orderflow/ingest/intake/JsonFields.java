package dev.orderflow.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Typed reads of JSON fields that record a problem instead of failing. */
final class JsonFields {
  private static final char REPLACEMENT = '\uFFFD';

  private final List<Reason> problems = new ArrayList<>();
  private final int invalidUtf8At;
  private boolean utf8Attributed;

  /**
   * @param invalidUtf8At record offset of the first invalid UTF-8 byte, or -1
   */
  JsonFields(int invalidUtf8At) {
    this.invalidUtf8At = invalidUtf8At;
  }

  List<Reason> problems() {
    return problems;
  }

  String text(JsonNode parent, String name) {
    return text(parent, name, name);
  }

  String text(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      wrongType(path, "a string", node);
      return null;
    }
    String value = node.textValue();
    if (invalidUtf8At >= 0 && value.indexOf(REPLACEMENT) >= 0) {
      utf8Attributed = true;
      problems.add(
          new Reason(
              ReasonCode.INVALID_UTF8,
              path,
              path
                  + " is not valid UTF-8 (the first invalid byte of the record is at offset "
                  + invalidUtf8At
                  + "); send all text as UTF-8."));
      return null;
    }
    if (!isWellFormedUtf16(value)) {
      problems.add(
          new Reason(
              ReasonCode.INVALID_UTF8,
              path,
              path + " holds a lone surrogate escape (such as \\ud800), which is not text."));
      return null;
    }
    return value;
  }

  Long integer(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber()) {
      wrongType(path, "a whole number", node);
      return null;
    }
    if (node.isIntegralNumber()) {
      if (node.canConvertToLong()) {
        return node.longValue();
      }
      return outOfRange(path, node);
    }
    BigDecimal decimal = node.decimalValue().stripTrailingZeros();
    if (decimal.scale() > 0) {
      problems.add(
          new Reason(
              ReasonCode.NOT_AN_INTEGER,
              path,
              path + " is " + node.asText() + "; it must be a whole number."));
      return null;
    }
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      return outOfRange(path, node);
    }
  }

  Instant timestamp(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      wrongType(name, "an RFC 3339 date-time string", node);
      return null;
    }
    String value = node.textValue();
    try {
      // RFC 3339 allows a lower-case 't' and 'z'; the rest of a date-time is digits and signs.
      return OffsetDateTime.parse(
              value.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      problems.add(
          new Reason(
              ReasonCode.INVALID_TIMESTAMP,
              name,
              name
                  + " \""
                  + Reason.echo(value)
                  + "\" is not an RFC 3339 date-time with an offset, such as"
                  + " 2025-03-01T09:30:00+01:00 or 2025-03-01T08:30:00Z."));
      return null;
    }
  }

  void rejectUnknown(JsonNode object, String prefix, Set<String> known) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(
            new Reason(
                ReasonCode.UNKNOWN_FIELD,
                prefix + name,
                "The field \""
                    + Reason.echo(prefix + name)
                    + "\" is not part of the order schema; known fields: "
                    + known.stream().sorted().toList()
                    + "."));
      }
    }
  }

  void wrongType(String path, String expected, JsonNode actual) {
    problems.add(
        new Reason(
            ReasonCode.WRONG_TYPE,
            path,
            path + " must be " + expected + ", but was " + describe(actual) + "."));
  }

  /** Invalid UTF-8 outside any string field (in a field name, say) still gets a reason. */
  void reportUnattributedUtf8() {
    if (invalidUtf8At >= 0 && !utf8Attributed) {
      problems.add(
          Reason.ofRecord(
              ReasonCode.INVALID_UTF8,
              "The record is not valid UTF-8: the first invalid byte is at offset "
                  + invalidUtf8At
                  + "."));
    }
  }

  private Long outOfRange(String path, JsonNode node) {
    problems.add(
        new Reason(
            ReasonCode.NUMBER_OUT_OF_RANGE,
            path,
            path
                + " is "
                + Reason.echo(node.asText())
                + ", beyond the range of a 64-bit integer."));
    return null;
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "true/false";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> "null";
    };
  }

  /** Text read from JSON escapes can hold a lone surrogate, which has no UTF-8 form. */
  private static boolean isWellFormedUtf16(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
