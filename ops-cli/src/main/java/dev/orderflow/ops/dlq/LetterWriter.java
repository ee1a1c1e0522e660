package dev.orderflow.ops.dlq;

/** Writes dead letters as they stream in, in one of list's output formats. */
interface LetterWriter {
  void write(DeadLetter letter);

  /** Called once after the last letter; {@code more} says whether the page cut matches off. */
  void finish(long shown, boolean more, long nextOffset);
}
