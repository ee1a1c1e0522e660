/**
 * The port between the sender framework and a platform module: a platform supplies a {@link
 * dev.orderflow.sender.api.MessagingClient}, an {@link dev.orderflow.sender.api.ErrorClassifier}
 * and how to read its {@link dev.orderflow.sender.api.Credentials} from the shared secret.
 */
package dev.orderflow.sender.api;
