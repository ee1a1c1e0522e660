/**
 * The runnable sender: config, wiring of the framework around a {@link
 * dev.orderflow.sender.api.Platform}, health, and the launcher a platform's main calls.
 */
package dev.orderflow.sender.app;
