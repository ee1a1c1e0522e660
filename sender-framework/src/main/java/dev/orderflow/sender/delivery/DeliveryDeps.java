package dev.orderflow.sender.delivery;

import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.circuit.ChannelCircuit;
import dev.orderflow.sender.credentials.CredentialSource;
import dev.orderflow.sender.ledger.DeliveryLedger;
import dev.orderflow.sender.metrics.SenderMetrics;
import dev.orderflow.sender.ratelimit.ChannelRate;
import dev.orderflow.sender.ratelimit.NumberRateLimiter;
import dev.orderflow.sender.ratelimit.RecipientPacer;
import dev.orderflow.sender.ratelimit.Throttle;
import dev.orderflow.sender.retry.HopRecords;
import dev.orderflow.sender.retry.RetryTopology;
import java.time.Clock;

/** The collaborators of a delivery, wired once by the service (or by a test with fakes). */
public record DeliveryDeps(
    MessagingClient client,
    CredentialSource credentials,
    DeliveryLedger ledger,
    ChannelCircuit circuit,
    Throttle throttle,
    ChannelRate rate,
    NumberRateLimiter limiter,
    RecipientPacer pacer,
    Forwarder forwarder,
    HopRecords hopRecords,
    RetryTopology topology,
    DeliveryPolicy policy,
    SenderMetrics metrics,
    Clock clock,
    Sleeper sleeper) {}
