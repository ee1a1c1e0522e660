package dev.orderflow.devservers.meta;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The simulator's side of Meta's webhooks: status calls for every accepted message, inbound
 * messages on request, the subscription handshake, scripted asynchronous failures and the log of
 * every attempt.
 */
final class SimulatorWebhooks implements AutoCloseable {
  private static final Pattern PHONE = Pattern.compile("\\+?[1-9]\\d{6,14}");

  private final WebhookSettings initial;
  private final AtomicReference<WebhookSettings> settings;
  private final SimulatorState state;
  private final AsyncFailures failures = new AsyncFailures();
  private final WebhookLog log = new WebhookLog();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final WebhookDispatcher dispatcher;

  SimulatorWebhooks(WebhookSettings initial, SimulatorState state) {
    this.initial = initial;
    this.settings = new AtomicReference<>(initial);
    this.state = state;
    this.dispatcher = new WebhookDispatcher(settings::get, state, log, http);
  }

  WebhookSettings settings() {
    return settings.get();
  }

  void update(WebhookSettings updated) {
    settings.set(updated);
  }

  AsyncFailures failures() {
    return failures;
  }

  List<WebhookDelivery> deliveries(String messageId) {
    return log.find(messageId);
  }

  /** Plans and schedules the status calls of a message Meta just accepted. */
  void accepted(DeliveredMessage message) {
    WebhookSettings current = settings.get();
    if (!current.enabled()) {
      return;
    }
    AsyncFailure failure =
        message.platform() == Platform.WHATSAPP
            ? failures.next(Platform.WHATSAPP, message.recipient()).orElse(null)
            : null;
    StatusPlan.plan(message, current, failure).forEach(dispatcher::schedule);
  }

  /** The buyer writes: their window opens, and the webhook is called at once. */
  InboundResult inbound(InboundRequest request) {
    Platform platform = request.platform();
    if (platform == Platform.WHATSAPP && !PHONE.matcher(request.from()).matches()) {
      throw new IllegalArgumentException("from must be a phone number for whatsapp");
    }
    String from = OutgoingMessage.recipientKey(request.from());
    Instant now = state.now();
    state.windows().open(platform, from, MessagingWindows.STANDARD, now);
    String account = state.settings().of(platform).accountIds().getFirst();
    String id = GraphIds.messageId(platform);
    byte[] body =
        platform == Platform.WHATSAPP
            ? WebhookPayloads.whatsappText(account, from, request.name(), id, now, request.text())
            : WebhookPayloads.instagramText(account, from, id, now, request.text());
    WebhookCall call = new WebhookCall(0, "inbound", platform, id, "text", body);
    return new InboundResult(id, dispatcher.sendNow(call));
  }

  /** Meta's subscription check against the URL, with a fresh numeric challenge. */
  VerifyResult verify() throws IOException, InterruptedException {
    WebhookSettings current = settings.get();
    if (!current.enabled()) {
      throw new IllegalArgumentException("no webhook url configured");
    }
    String challenge = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    String query =
        "hub.mode=subscribe&hub.verify_token="
            + URLEncoder.encode(current.verifyToken(), StandardCharsets.UTF_8)
            + "&hub.challenge="
            + challenge;
    String separator = current.url().contains("?") ? "&" : "?";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(current.url() + separator + query))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    boolean verified = response.statusCode() == 200 && response.body().equals(challenge);
    return new VerifyResult(response.statusCode(), challenge, verified);
  }

  /**
   * Forgets failures and the log, and calls still pending; settings back to the initial ones if
   * asked.
   */
  void reset(boolean restoreSettings) {
    if (restoreSettings) {
      settings.set(initial);
    }
    dispatcher.forgetPending();
    failures.clear();
    log.clear();
  }

  @Override
  public void close() {
    dispatcher.close();
    http.close();
  }
}
