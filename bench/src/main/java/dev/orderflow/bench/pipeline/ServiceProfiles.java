package dev.orderflow.bench.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * With {@code bench/run.sh --profile}: a Java Flight Recording of every service JVM a run starts,
 * numbered in start order ({@code 03-notification-router.jfr}), written when the JVM exits. Read
 * one with {@code jfr print --events jdk.ExecutionSample <file>}.
 */
public final class ServiceProfiles {
  private final Path directory;
  private final AtomicInteger started = new AtomicInteger();

  private ServiceProfiles(Path directory) {
    this.directory = directory;
  }

  /** No recordings: the services run as they would in production. */
  public static ServiceProfiles off() {
    return new ServiceProfiles(null);
  }

  public static ServiceProfiles into(Path directory) {
    return new ServiceProfiles(directory.toAbsolutePath());
  }

  /** The JVM options that record the next JVM of {@code kind}, or none. */
  public List<String> jvmOptions(ServiceKind kind) {
    if (directory == null) {
      return List.of();
    }
    Path file =
        directory.resolve("%02d-%s.jfr".formatted(started.incrementAndGet(), kind.module()));
    // The "profile" settings sample Java stacks every 10 ms (the default every 20 ms).
    return List.of("-XX:StartFlightRecording=filename=" + file + ",settings=profile");
  }
}
