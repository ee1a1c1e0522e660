/**
 * AWS SDK clients (DynamoDB, Secrets Manager) configured once: endpoints, timeouts, retries; and
 * the one wait for a DynamoDB table to become ACTIVE ({@link TableWaiters}).
 */
package dev.orderflow.common.aws;
