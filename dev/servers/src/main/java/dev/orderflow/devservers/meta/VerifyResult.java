package dev.orderflow.devservers.meta;

/**
 * What {@code POST /_sim/webhooks/verify} saw: Meta's subscription handshake against the webhook
 * URL, and whether it was answered 200 with the challenge echoed.
 */
public record VerifyResult(int httpStatus, String challenge, boolean verified) {}
