package dev.orderflow.devservers.meta;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the webhook calls: at their time (one timer thread), each on a virtual thread, signed with
 * the app secret, and again, like Meta, while the URL answers anything but 2xx, up to {@code
 * maxAttempts} with doubling delays. Every attempt is logged.
 */
final class WebhookDispatcher implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private final Supplier<WebhookSettings> settings;
  private final SimulatorState state;
  private final WebhookLog log;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("webhook-timer").unstarted(r));
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;
  private final AtomicLong generation = new AtomicLong();

  WebhookDispatcher(
      Supplier<WebhookSettings> settings, SimulatorState state, WebhookLog log, HttpClient http) {
    this.settings = settings;
    this.state = state;
    this.log = log;
    this.http = http;
  }

  /**
   * Sends the call after its delay, retrying on its own, to the URL and with the secret current
   * now: a later settings change or reset does not redirect calls already planned.
   */
  void schedule(WebhookCall call) {
    Planned planned = new Planned(call, settings.get(), generation.get());
    later(() -> attempt(planned, 1), call.delayMs());
  }

  /** Sends the call now, on the caller's thread; a failed attempt is retried in the background. */
  WebhookDelivery sendNow(WebhookCall call) {
    return attempt(new Planned(call, settings.get(), generation.get()), 1);
  }

  /** Calls planned before a reset belong to an earlier test or demo step: they are dropped. */
  void forgetPending() {
    generation.incrementAndGet();
  }

  private record Planned(WebhookCall call, WebhookSettings settings, long generation) {}

  private WebhookDelivery attempt(Planned planned, int attempt) {
    if (generation.get() != planned.generation()) {
      return delivery(planned.call(), attempt, 0, "dropped: the simulator was reset");
    }
    WebhookDelivery delivery = post(planned.call(), attempt, planned.settings());
    if (generation.get() != planned.generation()) {
      return delivery;
    }
    log.record(delivery);
    WebhookSettings current = planned.settings();
    if (!delivery.accepted() && current.enabled() && attempt < current.maxAttempts()) {
      long delay = current.retryDelayMs() << Math.min(attempt - 1, 16);
      later(() -> attempt(planned, attempt + 1), delay);
    }
    return delivery;
  }

  private WebhookDelivery post(WebhookCall call, int attempt, WebhookSettings current) {
    if (!current.enabled()) {
      return delivery(call, attempt, 0, "no webhook url configured");
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(current.url()))
            .timeout(CALL_TIMEOUT)
            .header("Content-Type", "application/json")
            .header(WebhookSigner.HEADER, WebhookSigner.sign(call.body(), current.appSecret()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return delivery(call, attempt, status, null);
    } catch (IOException e) {
      return delivery(call, attempt, 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return delivery(call, attempt, 0, "interrupted: the simulator is stopping");
    }
  }

  private WebhookDelivery delivery(WebhookCall call, int attempt, int status, String error) {
    return new WebhookDelivery(
        call.kind(),
        call.platform(),
        call.messageId(),
        call.event(),
        attempt,
        status,
        error,
        state.now());
  }

  private void later(Runnable task, long delayMs) {
    try {
      timer.schedule(() -> submit(task), delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOGGER.debug("simulator stopping; webhook call dropped");
    }
  }

  private void submit(Runnable task) {
    try {
      calls.execute(task);
    } catch (RejectedExecutionException e) {
      LOGGER.debug("simulator stopping; webhook call dropped");
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    calls.shutdownNow();
  }
}
