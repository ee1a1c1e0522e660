package dev.orderflow.ops.dlq;

/** Told how many records a scan will read and how far it got; replay draws its progress bar. */
interface ScanProgress {
  ScanProgress NONE = new ScanProgress() {};

  default void planned(long records) {}

  default void scanned(long records) {}
}
