/** Platform credentials read from the shared Secrets Manager secret, cached and re-read. */
package dev.orderflow.sender.credentials;
