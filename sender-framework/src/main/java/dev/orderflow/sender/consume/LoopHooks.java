package dev.orderflow.sender.consume;

/** What the loop asks the rest of the sender: due times, whether to take work, who to tell. */
public record LoopHooks(DueGate dueGate, ConsumptionGate gate, AssignmentListener assignment) {

  public static LoopHooks none() {
    return new LoopHooks(DueGate.ALWAYS_DUE, ConsumptionGate.ALWAYS_OPEN, AssignmentListener.NONE);
  }
}
