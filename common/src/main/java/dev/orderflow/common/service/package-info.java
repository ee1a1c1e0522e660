/** Lifecycle of a service process: config, metrics, ops endpoint, start, graceful stop. */
package dev.orderflow.common.service;
