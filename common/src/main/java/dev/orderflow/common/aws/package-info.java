/** AWS SDK clients (DynamoDB, Secrets Manager) configured once: endpoints, timeouts, retries. */
package dev.orderflow.common.aws;
