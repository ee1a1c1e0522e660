/**
 * What happens to one notification: ledger claim, paced and guarded send, and per error class the
 * next step (retry in process, a delay tier, the dead-letter topic, a channel pause).
 */
package dev.orderflow.sender.delivery;
