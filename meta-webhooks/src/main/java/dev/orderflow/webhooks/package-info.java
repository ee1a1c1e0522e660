/**
 * meta-webhooks: receives Meta's signed WhatsApp and Instagram webhooks and writes what they say to
 * Kafka (delivery statuses, buyers' inbound messages, and what it could not map).
 */
package dev.orderflow.webhooks;
