package dev.orderflow.ops;

/** Entry point of the operations tool. */
public final class OpsCli {
  private OpsCli() {}

  public static void main(String[] args) {
    System.out.println("ops-cli");
  }
}
