/** Writing a webhook's events to Kafka, durably, before Meta is answered. */
package dev.orderflow.webhooks.publish;
