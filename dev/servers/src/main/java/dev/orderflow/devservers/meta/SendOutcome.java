package dev.orderflow.devservers.meta;

/** Whether the simulator's rules let a valid message through. */
sealed interface SendOutcome {

  record Delivered(DeliveredMessage message) implements SendOutcome {}

  record Refused(Reply reply) implements SendOutcome {}
}
