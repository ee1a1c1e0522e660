/** Logging: correlation ids in headers and MDC, and masking of phone numbers and tokens. */
package dev.orderflow.common.logging;
