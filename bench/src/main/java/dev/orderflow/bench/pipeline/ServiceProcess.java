package dev.orderflow.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service as its own OS process, configured only through environment variables. It can be
 * killed with SIGKILL (no shutdown hook, no last commit) and started again with the same
 * configuration, as a crashed pod would be.
 */
public final class ServiceProcess implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(ServiceProcess.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration POLL = Duration.ofMillis(250);

  private final String name;
  private final LaunchCommand command;
  private final Map<String, String> env;
  private final int opsPort;
  private final Path log;
  private Process process;
  private int starts;

  public ServiceProcess(
      String name, LaunchCommand command, Map<String, String> env, int opsPort, Path logDir) {
    this.name = name;
    this.command = command;
    this.env = Map.copyOf(env);
    this.opsPort = opsPort;
    this.log = logDir.resolve(name + ".log");
  }

  public String name() {
    return name;
  }

  public int opsPort() {
    return opsPort;
  }

  public Path log() {
    return log;
  }

  /** The OS process id of the current incarnation. */
  public long pid() {
    return requireStarted().pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public synchronized ServiceProcess start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    ProcessBuilder builder = new ProcessBuilder(command.jvmAndTarget());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "---- start " + (++starts) + " of " + name + " (" + command.description() + ")\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    LOGGER.info("started service={} pid={} opsPort={}", name, process.pid(), opsPort);
    return this;
  }

  /**
   * Waits until {@code /health/ready} answers 200.
   *
   * @throws IllegalStateException when the process exits or {@code timeout} passes first, with the
   *     end of its log
   */
  public ServiceProcess awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (status("/health/ready") != 200) {
      if (!isAlive()) {
        throw new IllegalStateException(name + " exited while starting:\n" + logTail());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + logTail());
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
    return this;
  }

  /** SIGKILL, then waits for the process to be gone. */
  public void kill() {
    Process current = requireStarted();
    LOGGER.info("killing service={} pid={} with SIGKILL", name, current.pid());
    current.destroyForcibly();
    waitFor(current, Duration.ofSeconds(15));
  }

  /** SIGTERM (the service's graceful stop), SIGKILL if it takes longer than 30 s. */
  public void stop() {
    if (!isAlive()) {
      return;
    }
    process.destroy();
    if (!waitFor(process, Duration.ofSeconds(30))) {
      process.destroyForcibly();
      waitFor(process, Duration.ofSeconds(10));
    }
  }

  /** The HTTP status of GET {@code path} on the ops port; 0 when nothing answers. */
  public int status(String path) {
    try {
      return get(path).statusCode();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The Prometheus text of {@code /metrics}, empty when the service does not answer. */
  public String metrics() {
    try {
      HttpResponse<String> response = get("/metrics");
      return response.statusCode() == 200 ? response.body() : "";
    } catch (IOException e) {
      return "";
    }
  }

  public Map<String, String> environment() {
    return new HashMap<>(env);
  }

  @Override
  public void close() {
    stop();
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private HttpResponse<String> get(String path) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + path))
            .timeout(Duration.ofSeconds(3))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private Process requireStarted() {
    if (process == null) {
      throw new IllegalStateException(name + " was never started");
    }
    return process;
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
