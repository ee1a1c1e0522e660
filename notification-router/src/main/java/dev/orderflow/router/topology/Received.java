package dev.orderflow.router.topology;

/**
 * A record value as it arrived, with what it decoded to: unroutable orders are forwarded with their
 * original bytes, untouched by a re-encoding.
 */
public record Received<T>(byte[] raw, T value) {}
