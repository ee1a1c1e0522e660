/** The sender's metric names, in one place (documented in the module README). */
package dev.orderflow.sender.metrics;
