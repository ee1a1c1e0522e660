/** The order rules: every reason an order is refused, collected at once, as values. */
package dev.orderflow.ingest.validation;
