package dev.orderflow.webhooks.http;

import dev.orderflow.webhooks.receive.WebhookMetrics;
import dev.orderflow.webhooks.signature.SignatureCheck;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Routes {@code GET} and {@code POST} on the callback path to the {@link WebhookEndpoint}, reading
 * the body (at most {@code maxBodyBytes}) as raw bytes, exactly as signed. A blocking handler:
 * Jetty runs it on a virtual thread, so waiting for Kafka costs no platform thread.
 */
final class WebhookHandler extends Handler.Abstract {
  private static final Duration BODY_READ_TIMEOUT = Duration.ofSeconds(10);

  private final HttpConfig config;
  private final WebhookEndpoint endpoint;
  private final WebhookMetrics metrics;

  WebhookHandler(HttpConfig config, WebhookEndpoint endpoint, WebhookMetrics metrics) {
    this.config = config;
    this.endpoint = endpoint;
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    Answer answer = route(request);
    String method = request.getMethod();
    metrics.request(
        method.equals("GET") || method.equals("POST") ? method : "other",
        answer.status(),
        Duration.ofNanos(System.nanoTime() - start));
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Content.Sink.write(response, true, answer.body(), callback);
    return true;
  }

  private Answer route(Request request) {
    if (!Request.getPathInContext(request).equals(config.path())) {
      return Answer.of(404, "not found\n");
    }
    return switch (request.getMethod()) {
      case "GET" -> endpoint.handshake(query(request));
      case "POST" -> post(request);
      default -> Answer.of(405, "use GET (handshake) or POST (events)\n");
    };
  }

  private Answer post(Request request) {
    byte[] body;
    try {
      body =
          Content.Source.asByteArrayAsync(request, config.maxBodyBytes())
              .get(BODY_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return unreadable(e.getCause());
    } catch (TimeoutException e) {
      return Answer.of(408, "body not received in time\n");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.of(503, "shutting down\n");
    }
    return endpoint.deliver(request.getHeaders().get(SignatureCheck.HEADER), body);
  }

  /**
   * SizeLimitHandler fails an oversized body with its 413; the bounded read with an
   * IllegalArgumentException. Anything else is a body the client did not finish sending.
   */
  private Answer unreadable(Throwable cause) {
    boolean tooLarge =
        cause instanceof IllegalArgumentException
            || cause instanceof HttpException http && http.getCode() == 413;
    return tooLarge
        ? Answer.of(413, "body larger than " + config.maxBodyBytes() + " bytes\n")
        : Answer.of(400, "body could not be read\n");
  }

  private static Map<String, String> query(Request request) {
    Map<String, String> query = new HashMap<>();
    Fields fields = Request.extractQueryParameters(request);
    fields.forEach(field -> query.put(field.getName(), field.getValue()));
    return query;
  }
}
