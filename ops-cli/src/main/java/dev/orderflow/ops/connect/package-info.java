/**
 * Where the ops tool finds Kafka, the registry and AWS: flags, environment and config files read
 * into common's config records, the same settings the services use; local-stack addresses only when
 * asked ({@code --local}) or when the local stack's marker says it runs.
 */
package dev.orderflow.ops.connect;
