/**
 * Maps a webhook's JSON to the pipeline's events: WhatsApp statuses and messages, Instagram
 * messaging events; whatever does not map is named with its JSON path, never dropped.
 */
package dev.orderflow.webhooks.parse;
