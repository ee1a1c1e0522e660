package dev.orderflow.ops.provision;

/** What provisioning did (or, in a dry run, would do) to one resource. */
public sealed interface Outcome {
  String resource();

  String detail();

  /** The resource was created or changed to match the file. */
  record Changed(String resource, String detail) implements Outcome {}

  /** The resource differs from the file in a way provisioning never fixes (or cannot here). */
  record Warning(String resource, String detail) implements Outcome {}
}
