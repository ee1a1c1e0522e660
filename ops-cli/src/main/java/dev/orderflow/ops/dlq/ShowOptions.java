package dev.orderflow.ops.dlq;

import picocli.CommandLine.Option;

/**
 * How {@code dlq show} and {@code order show} print what they found: text or JSON, masked or not.
 */
final class ShowOptions {
  @Option(names = "--json", description = "JSON instead of text: one object per record or story.")
  boolean json;

  @Option(
      names = "--reveal",
      description = "Print the buyer's phone number or Instagram id in full (masked otherwise).")
  boolean reveal;
}
