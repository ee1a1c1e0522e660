package dev.orderflow.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The services of one pipeline, each its own process on a free ops port, pointed at one set of
 * names. Services are launched side by side and then awaited, since JVM start-up dominates on two
 * cores.
 */
public final class Pipeline implements AutoCloseable {
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final Map<ServiceKind, ServiceProcess> services = new EnumMap<>(ServiceKind.class);

  /**
   * @param tweak changes a service's environment before it starts (e.g. a shorter retry delay)
   * @param profiles whether each service JVM is recorded with Java Flight Recorder
   */
  public Pipeline(
      PipelineNames names,
      StackAddresses stack,
      Collection<ServiceKind> kinds,
      Path repositoryRoot,
      Path workDir,
      Consumer<Map.Entry<ServiceKind, Map<String, String>>> tweak,
      ServiceProfiles profiles) {
    String classPath = System.getProperty("java.class.path");
    for (ServiceKind kind : kinds) {
      int port = freePort();
      Map<String, String> env =
          ServiceEnvironment.of(kind, names, stack, port, workDir.resolve("state"));
      tweak.accept(Map.entry(kind, env));
      LaunchCommand command =
          LaunchCommand.of(kind, repositoryRoot, classPath, profiles.jvmOptions(kind));
      services.put(kind, new ServiceProcess(kind.module(), command, env, port, workDir));
    }
  }

  public ServiceProcess get(ServiceKind kind) {
    ServiceProcess service = services.get(kind);
    if (service == null) {
      throw new IllegalArgumentException(kind + " is not part of this pipeline");
    }
    return service;
  }

  public Collection<ServiceProcess> all() {
    return services.values();
  }

  public Pipeline startAll() {
    services.values().forEach(ServiceProcess::start);
    return awaitAllReady();
  }

  public Pipeline awaitAllReady() {
    services.values().forEach(s -> s.awaitReady(READY_TIMEOUT));
    return this;
  }

  /** Stops every service, the last started first. */
  @Override
  public void close() {
    List<ServiceProcess> reversed = new ArrayList<>(services.values());
    java.util.Collections.reverse(reversed);
    reversed.forEach(ServiceProcess::stop);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
