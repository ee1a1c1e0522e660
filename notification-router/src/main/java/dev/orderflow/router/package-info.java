/**
 * notification-router: enriches each OrderCreated with the buyer and routes it to its platform
 * topic.
 */
package dev.orderflow.router;
