package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** Typed client of the simulator's control API, for tests, the demo and benchmarks. */
public final class MetaSimulatorClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI baseUri;
  private final HttpClient http;

  /** {@code baseUri} is where the simulator listens, e.g. {@code http://127.0.0.1:8090}. */
  public MetaSimulatorClient(URI baseUri) {
    this.baseUri = URI.create(baseUri.toString().replaceAll("/+$", ""));
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  public URI baseUri() {
    return baseUri;
  }

  public SimulatorSettings settings() {
    return call("GET", "/_sim/config", null, type(SimulatorSettings.class));
  }

  public SimulatorSettings updateSettings(SimulatorSettings settings) {
    return call("POST", "/_sim/config", settings, type(SimulatorSettings.class));
  }

  /** Reads the settings, changes them and writes them back. */
  public SimulatorSettings update(UnaryOperator<SimulatorSettings> change) {
    return updateSettings(change.apply(settings()));
  }

  public SimulatorSettings update(Platform platform, UnaryOperator<PlatformSettings> change) {
    return update(settings -> settings.with(platform, change.apply(settings.of(platform))));
  }

  /** Tells the simulator the rotated token; the old one gets error 190 from now on. */
  public void setValidToken(Platform platform, String token) {
    update(platform, settings -> settings.withToken(token));
  }

  /** Adds faults after those already scripted; returns all active faults. */
  public List<FaultRule> addFaults(FaultRule... rules) {
    return call("POST", "/_sim/faults", List.of(rules), listOf(FaultRule.class));
  }

  public List<FaultRule> faults() {
    return call("GET", "/_sim/faults", null, listOf(FaultRule.class));
  }

  public void clearFaults() {
    call("DELETE", "/_sim/faults", null, listOf(FaultRule.class));
  }

  /** Opens a 24-hour window, as if the recipient had just written to the business. */
  public void openWindow(Platform platform, String recipient) {
    changeWindow(new WindowChange(platform, recipient, true, null));
  }

  public void openWindow(Platform platform, String recipient, Duration length) {
    changeWindow(new WindowChange(platform, recipient, true, length.toSeconds()));
  }

  public void closeWindow(Platform platform, String recipient) {
    changeWindow(new WindowChange(platform, recipient, false, null));
  }

  public List<DeliveredMessage> messages(Platform platform) {
    return call("GET", "/_sim/messages?platform=" + platform.wireName(), null, messageList());
  }

  public List<DeliveredMessage> messages(Platform platform, String recipient) {
    String query = "?platform=" + platform.wireName() + "&recipient=" + encode(recipient);
    return call("GET", "/_sim/messages" + query, null, messageList());
  }

  public SimulatorStats stats() {
    return call("GET", "/_sim/stats", null, type(SimulatorStats.class));
  }

  /** Clears log, stats, windows, faults and rate state; keeps the current settings. */
  public void reset() {
    call("POST", "/_sim/reset", null, type(SimulatorSettings.class));
  }

  /** Like {@link #reset()}, and puts the settings back to those the simulator started with. */
  public void resetAll() {
    call("POST", "/_sim/reset?config=true", null, type(SimulatorSettings.class));
  }

  public WebhookSettings webhookSettings() {
    return call("GET", "/_sim/webhooks", null, type(WebhookSettings.class));
  }

  /** Reads the webhook settings, changes them and writes them back. */
  public WebhookSettings updateWebhooks(UnaryOperator<WebhookSettings> change) {
    WebhookSettings changed = change.apply(webhookSettings());
    return call("POST", "/_sim/webhooks", changed, type(WebhookSettings.class));
  }

  /** Scripts failed statuses for messages to a recipient; returns all active ones. */
  public List<AsyncFailure> addAsyncFailures(AsyncFailure... failures) {
    return call("POST", "/_sim/webhooks/failures", List.of(failures), listOf(AsyncFailure.class));
  }

  public void clearAsyncFailures() {
    call("DELETE", "/_sim/webhooks/failures", null, listOf(AsyncFailure.class));
  }

  /** Every webhook attempt so far, oldest first. */
  public List<WebhookDelivery> webhookDeliveries() {
    return call("GET", "/_sim/webhooks/deliveries", null, listOf(WebhookDelivery.class));
  }

  public List<WebhookDelivery> webhookDeliveries(String messageId) {
    String path = "/_sim/webhooks/deliveries?messageId=" + encode(messageId);
    return call("GET", path, null, listOf(WebhookDelivery.class));
  }

  /** A buyer writes to the business: opens their window and calls the webhook URL at once. */
  public InboundResult sendInbound(InboundRequest request) {
    return call("POST", "/_sim/inbound", request, type(InboundResult.class));
  }

  /** Runs Meta's subscription handshake against the webhook URL. */
  public VerifyResult verifyWebhook() {
    return call("POST", "/_sim/webhooks/verify", null, type(VerifyResult.class));
  }

  private void changeWindow(WindowChange change) {
    call("POST", "/_sim/windows", change, type(WindowChange.class));
  }

  private <T> T call(String method, String path, Object body, JavaType answer) {
    try {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUri + path))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json")
              .method(method, publisher)
              .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "simulator answered %d to %s %s: %s"
                .formatted(
                    response.statusCode(),
                    method,
                    path,
                    new String(response.body(), StandardCharsets.UTF_8)));
      }
      return Json.MAPPER.readValue(response.body(), answer);
    } catch (IOException e) {
      throw new UncheckedIOException("simulator call " + method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling the simulator", e);
    }
  }

  private static JavaType type(Class<?> type) {
    return Json.MAPPER.constructType(type);
  }

  private static JavaType listOf(Class<?> element) {
    return Json.MAPPER.getTypeFactory().constructCollectionType(List.class, element);
  }

  private static JavaType messageList() {
    return listOf(DeliveredMessage.class);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
