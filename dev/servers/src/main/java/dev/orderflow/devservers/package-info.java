/**
 * Local stand-ins for external services that cannot run here: Secrets Manager and the Meta Graph
 * API.
 */
package dev.orderflow.devservers;
