/** The public HTTP endpoint Meta calls: Jetty, bounded body size and concurrency, the routes. */
package dev.orderflow.webhooks.http;
