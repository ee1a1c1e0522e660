package dev.orderflow.sender.ledger;

/** The states of a ledger entry; only SENT blocks a new send for good. */
enum LedgerState {
  SENDING,
  SENT,
  RETRYING,
  FAILED
}
