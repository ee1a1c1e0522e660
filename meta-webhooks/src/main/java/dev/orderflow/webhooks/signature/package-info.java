/**
 * Meta's webhook authentication: the X-Hub-Signature-256 HMAC and the app secret it is keyed by.
 */
package dev.orderflow.webhooks.signature;
