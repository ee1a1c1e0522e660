package dev.orderflow.sender.app;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.circuit.ChannelCircuit;
import dev.orderflow.sender.consume.KeyOrderedConsumer;
import dev.orderflow.sender.credentials.CredentialSource;
import dev.orderflow.sender.delivery.DeliveryDeps;
import dev.orderflow.sender.delivery.DeliveryHandler;
import dev.orderflow.sender.delivery.DeliveryPolicy;
import dev.orderflow.sender.delivery.KafkaForwarder;
import dev.orderflow.sender.metrics.SenderMetrics;
import dev.orderflow.sender.ratelimit.ChannelRate;
import dev.orderflow.sender.ratelimit.NumberRateLimiter;
import dev.orderflow.sender.ratelimit.RecipientPacer;
import dev.orderflow.sender.ratelimit.Throttle;
import dev.orderflow.sender.retry.HopRecords;
import dev.orderflow.sender.retry.RetryTopology;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;

/** The framework's parts for one platform channel, wired from config. */
final class Channel {
  /** Codes that throttle one recipient (WhatsApp's pair limit), not the whole number. */
  static final Set<Integer> RECIPIENT_CODES = Set.of(131056);

  private final SenderConfig config;
  private final RetryTopology topology;
  private final ChannelCircuit circuit;
  private final Throttle throttle;
  private final ChannelRate rate;
  private final SenderMetrics metrics;
  private final DeliveryHandler handler;

  Channel(
      SenderConfig config,
      SenderInfra infra,
      MessagingClient client,
      CredentialSource credentials,
      Producer<byte[], byte[]> producer) {
    this.config = config;
    RetryConfig retry = config.retry();
    RateConfig rates = config.rate();
    this.topology =
        RetryTopology.of(
            config.platform(),
            config.mainTopic(),
            retry.mainAttempts(),
            retry.delays(),
            retry.tierAttempts());
    this.circuit = new ChannelCircuit(config.platform(), config.circuit(), infra.clock());
    this.throttle =
        new Throttle(rates.throttleFirstPause(), rates.throttleMaxPause(), infra.clock());
    NumberRateLimiter limiter = new NumberRateLimiter(rates.numberPerSecond());
    this.rate = new ChannelRate(rates.numberPerSecond(), config.mainTopic(), limiter, throttle);
    this.metrics = new SenderMetrics(infra.registry(), config.platform());
    DeliveryPolicy policy =
        new DeliveryPolicy(
            // Full jitter: every record of a failing burst retries at its own moment.
            Backoff.exponential(retry.backoffFirst(), retry.backoffMax()).withJitter(1.0),
            rates.maxThrottleWaits(),
            rates.recipientPenalty(),
            RECIPIENT_CODES,
            client.statusesNameNotification(),
            config.leaseRenewAfter());
    DeliveryDeps deps =
        new DeliveryDeps(
            client,
            credentials,
            infra.ledger().apply(config.ledger()),
            circuit,
            throttle,
            rate,
            limiter,
            new RecipientPacer(rates.recipientPace(), infra.clock()),
            new KafkaForwarder(producer),
            new HopRecords(config.serviceName()),
            topology,
            policy,
            metrics,
            infra.clock(),
            Sleeper.REAL);
    this.handler = new DeliveryHandler(deps, infra.decoder());
  }

  boolean acceptsWork() {
    return !circuit.isOpen() && !throttle.paused();
  }

  /** Runs on the loop thread inside a rebalance callback, where the consumer may be used. */
  void assignmentChanged(Consumer<byte[], byte[]> consumer, Set<TopicPartition> assigned) {
    int mainPartitions = consumer.partitionsFor(config.mainTopic()).size();
    rate.assignmentChanged(mainPartitions, assigned);
  }

  void registerGauges(KeyOrderedConsumer loop) {
    metrics.gauge("sender.inflight", loop::inFlight);
    metrics.gauge("sender.buffered", loop::buffered);
    metrics.gauge("sender.paused.partitions", loop::pausedPartitions);
    metrics.gauge("sender.rate.share", rate::share);
    metrics.gauge("sender.rate.limit", rate::limit);
    metrics.gauge("sender.circuit.state", () -> stateCode(circuit.state()));
  }

  /** 0 closed, 1 half-open, 2 open: alert on > 0 for longer than a probe interval. */
  static int stateCode(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED, DISABLED, METRICS_ONLY -> 0;
      case HALF_OPEN -> 1;
      case OPEN, FORCED_OPEN -> 2;
    };
  }

  RetryTopology topology() {
    return topology;
  }

  ChannelCircuit circuit() {
    return circuit;
  }

  ChannelRate rate() {
    return rate;
  }

  DeliveryHandler handler() {
    return handler;
  }
}
