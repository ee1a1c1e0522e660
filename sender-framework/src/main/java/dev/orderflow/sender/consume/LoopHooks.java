package dev.orderflow.sender.consume;

/**
 * What the loop asks the rest of the sender: due times, whether to take work, who to tell of
 * assignments and of offset resets.
 */
public record LoopHooks(
    DueGate dueGate,
    ConsumptionGate gate,
    AssignmentListener assignment,
    OffsetResetListener resets) {

  public LoopHooks(DueGate dueGate, ConsumptionGate gate, AssignmentListener assignment) {
    this(dueGate, gate, assignment, OffsetResetListener.NONE);
  }

  public static LoopHooks none() {
    return new LoopHooks(DueGate.ALWAYS_DUE, ConsumptionGate.ALWAYS_OPEN, AssignmentListener.NONE);
  }
}
