/** One JSON secret from Secrets Manager, read, cached, re-read on a timer and on demand. */
package dev.orderflow.common.secrets;
