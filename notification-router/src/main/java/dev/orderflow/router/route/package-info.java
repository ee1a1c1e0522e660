/**
 * The routing decision as a value: which platform an order goes to, or why it cannot go anywhere.
 */
package dev.orderflow.router.route;
