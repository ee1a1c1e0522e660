/**
 * Configuration: a properties file overridden by environment variables, bound into validated
 * records.
 */
package dev.orderflow.common.config;
