/**
 * Meta Graph API simulator: the WhatsApp and Instagram send endpoints with latency, throughput
 * caps, messaging windows, scripted faults and a delivered log, controlled over HTTP.
 */
package dev.orderflow.devservers.meta;
