package dev.orderflow.webhooks.http;

import dev.orderflow.webhooks.receive.WebhookMetrics;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The public endpoint, on Jetty's core API (no servlet container): {@link SizeLimitHandler} refuses
 * bodies over the limit with 413 before they are read, {@link QoSHandler} lets at most {@code
 * maxConcurrentRequests} run and queues a bounded number more (503 beyond, or after the queue
 * timeout: Meta retries), {@link GracefulHandler} lets the requests in flight finish on stop. Every
 * request runs on a virtual thread.
 */
public final class WebhookServer implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  private final Server server;
  private final ServerConnector connector;

  private WebhookServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  public static WebhookServer create(
      HttpConfig config, WebhookEndpoint endpoint, WebhookMetrics metrics) {
    VirtualThreadPool threads = new VirtualThreadPool();
    threads.setName("webhooks-http");
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.idleTimeout().toMillis());
    server.addConnector(connector);

    QoSHandler qos = new QoSHandler();
    qos.setMaxRequestCount(config.maxConcurrentRequests());
    qos.setMaxSuspendedRequestCount(config.maxQueuedRequests());
    qos.setMaxSuspend(config.queueTimeout());
    SizeLimitHandler sizeLimit = new SizeLimitHandler(config.maxBodyBytes(), -1);
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(qos);
    qos.setHandler(sizeLimit);
    sizeLimit.setHandler(new WebhookHandler(config, endpoint, metrics));
    server.setHandler(graceful);
    server.setStopTimeout(STOP_TIMEOUT.toMillis());
    server.setStopAtShutdown(false); // the ServiceLauncher's hook stops us, in order
    return new WebhookServer(server, connector);
  }

  public void start() throws Exception {
    server.start();
  }

  /** Where it listens, with the real port when the configured one was 0. */
  public URI uri() {
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    return URI.create("http://" + host + ":" + connector.getLocalPort());
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("webhook endpoint did not stop cleanly", e);
    }
  }
}
