package dev.orderflow.router.it;

import dev.orderflow.router.NotificationRouterMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router as its own OS process, started from this JVM's class path exactly as {@code java -cp …
 * NotificationRouterMain} would run it, so a test can SIGKILL it and start it again.
 */
final class RouterProcess implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(RouterProcess.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Map<String, String> env;
  private final Path log;
  private final int opsPort;
  private Process process;
  private int starts;

  /**
   * @param env the router's config as environment variables (replacing the inherited ones of the
   *     same name)
   */
  RouterProcess(Map<String, String> env, Path logDir, int opsPort) {
    this.env = Map.copyOf(env);
    this.log = logDir;
    this.opsPort = opsPort;
  }

  synchronized RouterProcess start() {
    starts++;
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            NotificationRouterMain.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> processEnv = new HashMap<>(builder.environment());
    processEnv.putAll(env);
    processEnv.put("OPS_PORT", Integer.toString(opsPort));
    builder.environment().clear();
    builder.environment().putAll(processEnv);
    builder.redirectOutput(log.resolve("router-" + starts + ".log").toFile());
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the router process", e);
    }
    LOGGER.info("router process started pid={} start={}", process.pid(), starts);
    return this;
  }

  /** SIGKILL: no shutdown hook, no commit, no flush. */
  synchronized void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    LOGGER.info("router process killed pid={}", process.pid());
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The HTTP status of {@code /health/ready}, or -1 while nothing answers. */
  int readiness() {
    return status("/health/ready");
  }

  String metrics() {
    try {
      return HTTP.send(request("/metrics"), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private int status(String path) {
    try {
      return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + path))
        .timeout(Duration.ofSeconds(2))
        .build();
  }

  @Override
  public synchronized void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }
}
