package dev.orderflow.sender.app;

import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.Platform;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.circuit.ChannelCircuit;
import dev.orderflow.sender.circuit.CircuitProber;
import dev.orderflow.sender.circuit.OpenReason;
import dev.orderflow.sender.consume.KeyOrderedConsumer;
import dev.orderflow.sender.consume.LoopHooks;
import dev.orderflow.sender.credentials.CachedSecret;
import dev.orderflow.sender.credentials.SecretsManagerCredentialSource;
import dev.orderflow.sender.metrics.SenderMetrics;
import dev.orderflow.sender.retry.DueTimes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running sender: the consume loop, its delivery pipeline, the circuit's prober and health.
 * {@link #start()} probes the credentials first; a failing probe does not stop the start-up but
 * leaves the circuit open (readiness false) until the prober sees it heal.
 */
public final class SenderService implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(SenderService.class);

  private final SenderConfig config;
  private final MessagingClient client;
  private final SecretsManagerCredentialSource credentials;
  private final Channel channel;
  private final Producer<byte[], byte[]> producer;
  private final Consumer<byte[], byte[]> consumer;
  private final KeyOrderedConsumer loop;
  private final ScheduledExecutorService probing;
  private Thread loopThread;

  public SenderService(SenderConfig config, Platform platform, SenderInfra infra) {
    this.config = config;
    this.client = platform.client(config.client());
    SenderMetrics metrics = new SenderMetrics(infra.registry(), config.platform());
    this.credentials =
        new SecretsManagerCredentialSource(
            infra.secrets(),
            config.secretName(),
            platform::credentialsFrom,
            config.credentialsRefresh(),
            infra.clock(),
            credentialRetries(metrics));
    this.producer = infra.producer().get();
    this.consumer = infra.consumer().get();
    this.channel = new Channel(config, infra, client, credentials, producer);
    LoopHooks hooks =
        new LoopHooks(
            new DueTimes(),
            channel::acceptsWork,
            assigned -> channel.assignmentChanged(consumer, assigned),
            reset -> metrics.offsetReset(reset.partition().topic(), reset.skipped()));
    this.loop =
        new KeyOrderedConsumer(
            consumer,
            channel.topology().consumedTopics(),
            channel.handler(),
            config.loop(),
            hooks,
            infra.clock());
    metrics.registerOffsetResets(channel.topology().consumedTopics());
    this.probing = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    channel.registerGauges(loop);
  }

  public void start() {
    probeAtStartup();
    CircuitProber prober =
        new CircuitProber(channel.circuit(), this::probe, config.circuit().configRecheck());
    long every = config.circuit().probeInterval().toMillis();
    probing.scheduleWithFixedDelay(prober::probeOnce, every, every, TimeUnit.MILLISECONDS);
    loopThread = Thread.ofPlatform().name(config.serviceName() + "-loop").start(loop);
    LOGGER.info(
        "{} started topics={} group={}",
        config.serviceName(),
        channel.topology().consumedTopics(),
        config.groupId());
  }

  /** Live while the loop thread runs. */
  public boolean live() {
    return loopThread != null && loopThread.isAlive();
  }

  /** Ready when live and the channel is neither paused by the circuit nor by configuration. */
  public boolean ready() {
    return live() && channel.circuit().isClosed();
  }

  public ChannelCircuit circuit() {
    return channel.circuit();
  }

  public double rateShare() {
    return channel.rate().share();
  }

  @Override
  public void close() {
    probing.shutdownNow();
    loop.stop();
    try {
      if (!loop.awaitStopped(config.loop().shutdownTimeout().plusSeconds(5))) {
        LOGGER.warn("consume loop did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
    credentials.close();
    client.close();
    LOGGER.info("{} stopped", config.serviceName());
  }

  private static CachedSecret.Retries credentialRetries(SenderMetrics metrics) {
    CachedSecret.Retries standard = CachedSecret.Retries.standard();
    return new CachedSecret.Retries(
        standard.backoff(), standard.sleeper(), metrics::credentialsReadFailed);
  }

  private void probeAtStartup() {
    SendOutcome outcome;
    try {
      outcome = client.probe(credentials.current());
    } catch (RuntimeException e) {
      LOGGER.error("start-up probe could not run; channel paused until it passes", e);
      channel
          .circuit()
          .open(
              OpenReason.CREDENTIALS, dev.orderflow.sender.api.MetaError.noResponse(e.toString()));
      return;
    }
    if (outcome instanceof SendOutcome.Failed failed) {
      OpenReason reason =
          switch (failed.errorClass()) {
            case REFRESH -> OpenReason.CREDENTIALS;
            case RETRY, BACKOFF -> OpenReason.OUTAGE;
            case PERMANENT, PERMANENT_CONFIG -> OpenReason.CONFIG;
          };
      LOGGER.error(
          "start-up probe failed: the token does not address account {} ({})",
          credentials.current().accountId(),
          failed.error().message());
      channel.circuit().open(reason, failed.error());
    }
  }

  private boolean probe(OpenReason reason) {
    if (reason == OpenReason.REGISTRY) {
      return channel.handler().probeRegistry();
    }
    Credentials current = credentials.current();
    Credentials used = reason == OpenReason.CREDENTIALS ? credentials.refresh(current) : current;
    return client.probe(used) instanceof SendOutcome.Sent;
  }
}
