package dev.orderflow.ops.dlq;

import picocli.CommandLine.Command;

/**
 * {@code ops order}: what happened to one order. It lives beside the dead-letter tools because it
 * reads the same topics the same way (no group, nothing committed, values decoded through the
 * registry) and tells the same dead letters.
 */
@Command(
    name = "order",
    mixinStandardHelpOptions = true,
    subcommands = {OrderShowCommand.class},
    description = "What happened to one order, from intake to the buyer's phone.")
public final class OrderCommand {}
