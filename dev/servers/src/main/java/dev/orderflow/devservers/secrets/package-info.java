/** A local AWS Secrets Manager endpoint (AWS JSON 1.1 protocol) for the stack and tests. */
package dev.orderflow.devservers.secrets;
