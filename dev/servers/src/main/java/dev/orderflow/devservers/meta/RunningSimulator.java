package dev.orderflow.devservers.meta;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.util.concurrent.ExecutorService;

/** A started simulator: where it listens, a control client, and {@link #close()} to stop it. */
public final class RunningSimulator implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final AutoCloseable webhooks;

  RunningSimulator(HttpServer server, ExecutorService executor, AutoCloseable webhooks) {
    this.server = server;
    this.executor = executor;
    this.webhooks = webhooks;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The Graph API base, e.g. {@code http://127.0.0.1:8090}; append {@code /v23.0/...}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public MetaSimulatorClient client() {
    return new MetaSimulatorClient(baseUri());
  }

  /** Stops at once: requests still held by latency or a timeout fault are interrupted. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      webhooks.close();
    } catch (Exception e) {
      throw new IllegalStateException("webhook dispatcher did not stop cleanly", e);
    }
  }
}
