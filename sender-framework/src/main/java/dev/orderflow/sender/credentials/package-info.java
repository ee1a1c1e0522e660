/**
 * Platform credentials read from the shared Secrets Manager secret, held lock-free and re-read in
 * the background.
 */
package dev.orderflow.sender.credentials;
