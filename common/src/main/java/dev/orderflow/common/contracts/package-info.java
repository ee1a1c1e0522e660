/**
 * The registry subjects a service depends on, and the start-up check that they resolve before the
 * service consumes anything.
 */
package dev.orderflow.common.contracts;
