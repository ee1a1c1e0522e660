package dev.orderflow.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code <base>.<TestClass>.<method>.<random>}, legal as a Kafka topic, consumer group or DynamoDB
 * table name (both allow {@code [A-Za-z0-9._-]}; topics up to 249 characters), so tests sharing one
 * stack never see each other's data and a leftover name says which test made it.
 */
final class UniqueNames {
  private static final int PART_MAX = 40;
  private static final int BASE_MAX = 120;

  private UniqueNames() {}

  static String of(String base, String testClass, String testMethod) {
    String random = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    return cut(sanitize(base), BASE_MAX)
        + "."
        + cut(sanitize(testClass), PART_MAX)
        + "."
        + cut(sanitize(testMethod), PART_MAX)
        + "."
        + random;
  }

  static String sanitize(String text) {
    String legal = text.replaceAll("[^A-Za-z0-9._-]", "_");
    return legal.isEmpty() ? "_" : legal;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
