/** The {@code ops} command-line tool: provisioning and dead-letter operations. */
package dev.orderflow.ops;
