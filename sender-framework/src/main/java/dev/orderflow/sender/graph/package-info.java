/**
 * The Graph API plumbing both Meta platforms share: HTTP transport, error bodies, secret fields.
 */
package dev.orderflow.sender.graph;
