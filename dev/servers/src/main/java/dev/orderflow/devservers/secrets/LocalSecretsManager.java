package dev.orderflow.devservers.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Secrets Manager endpoint that the real AWS SDK reaches through its endpoint override.
 *
 * <p>Written on the JDK's own HTTP server rather than WireMock: rotation tests need state that the
 * SDK's own calls change (PutSecretValue then GetSecretValue), which stub mappings cannot model
 * without scripting, and the whole protocol is four small JSON operations.
 */
public final class LocalSecretsManager implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(LocalSecretsManager.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private LocalSecretsManager(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on {@code address} (port 0 picks a free one); {@code file} persists secrets. */
  public static LocalSecretsManager start(InetSocketAddress address, Optional<Path> file)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    String region = System.getenv().getOrDefault("AWS_REGION", "eu-west-1");
    SecretOperations operations =
        new SecretOperations(new SecretStore(json, file), Clock.systemUTC(), region);
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", new AwsJsonHandler(operations, json));
    server.start();
    return new LocalSecretsManager(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
  }

  /** Usage: {@code LocalSecretsManager [--host 127.0.0.1] [--port 4584] [--file secrets.json]}. */
  public static void main(String[] args) throws IOException {
    ServerArgs parsed = ServerArgs.parse(args);
    LocalSecretsManager endpoint =
        start(new InetSocketAddress(parsed.host(), parsed.port()), parsed.file());
    Runtime.getRuntime().addShutdownHook(new Thread(endpoint::close));
    LOGGER.info(
        "Local Secrets Manager listening host={} port={} file={}",
        parsed.host(),
        endpoint.port(),
        parsed.file().map(Path::toString).orElse("none"));
  }
}
