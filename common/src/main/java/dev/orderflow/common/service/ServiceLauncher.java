package dev.orderflow.common.service;

import ch.qos.logback.classic.LoggerContext;
import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.OpsServerConfig;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.contracts.ContractCheck;
import dev.orderflow.common.contracts.Contracts;
import dev.orderflow.common.logging.Redact;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.common.ops.OpsHttpServer;
import dev.orderflow.common.registry.SchemaRegistryClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole {@code main} of every service: {@code ServiceLauncher.run("order-ingest", 8181, args,
 * OrderIngestService::create)}. Loads config ({@code <name>.properties} on the classpath, the
 * profile's {@code <name>-<profile>.properties} with {@code --profile <profile>} or {@code
 * ORDERFLOW_PROFILE}, {@code --config <file>}, environment), creates metrics and health checks,
 * builds the service, serves {@code /metrics} and {@code /health/*}, starts the service and stops
 * it gracefully on SIGTERM. Bad config prints one line, {@code order-ingest: bad config: <key>:
 * expected …}, and exits 2; any other start-up failure exits 1. A service that declared contracts
 * ({@link ServiceContext#contracts()}) is started only once they resolve in the registry; until
 * then the ops endpoint serves, readiness is down with the reason, and the check is retried on a
 * back-off.
 */
public final class ServiceLauncher {
  public static final String INSTANCE = "service.instance";

  /** The environment's name in provisioning/pipeline.yaml, for the command a log line suggests. */
  public static final String ENVIRONMENT = "service.environment";

  public static final String CONTRACTS_FIRST_RETRY = "contracts.retry.first-pause";
  public static final String CONTRACTS_MAX_RETRY = "contracts.retry.max-pause";
  static final int EXIT_BAD_CONFIG = 2;
  static final int EXIT_START_FAILED = 1;
  private static final Logger LOGGER = LoggerFactory.getLogger(ServiceLauncher.class);

  private final String name;
  private final int defaultOpsPort;
  private final Map<String, String> env;
  private final PrintStream err;
  private final Consumer<Thread> shutdownHooks;

  ServiceLauncher(
      String name,
      int defaultOpsPort,
      Map<String, String> env,
      PrintStream err,
      Consumer<Thread> shutdownHooks) {
    this.name = name;
    this.defaultOpsPort = defaultOpsPort;
    this.env = env;
    this.err = err;
    this.shutdownHooks = shutdownHooks;
  }

  /** Runs the service until the JVM is asked to stop; exits 2 on bad config, 1 on failure. */
  public static void run(String name, int defaultOpsPort, String[] args, ServiceFactory factory) {
    Runtime runtime = Runtime.getRuntime();
    ServiceLauncher launcher =
        new ServiceLauncher(
            name, defaultOpsPort, System.getenv(), System.err, runtime::addShutdownHook);
    switch (launcher.launch(args, factory)) {
      case Launch.Started started -> {
        int exitCode = started.running().awaitStopped();
        if (exitCode != 0) {
          System.exit(exitCode);
        }
      }
      case Launch.Failed failed -> System.exit(failed.exitCode());
    }
  }

  /** The outcome of start-up. */
  sealed interface Launch {
    record Started(RunningService running) implements Launch {}

    record Failed(int exitCode) implements Launch {}
  }

  Launch launch(String[] args, ServiceFactory factory) {
    nameTheLogs();
    Metrics metrics = null;
    RunningService running = null;
    String profile;
    try {
      ConfigSource config = ConfigSource.load(name + ".properties", args, env);
      profile = config.profile().orElse("none");
      String instance = config.string(INSTANCE, env.getOrDefault("HOSTNAME", "local"));
      OpsServerConfig opsConfig = OpsServerConfig.from(config, defaultOpsPort);
      metrics = Metrics.create(name, instance);
      HealthChecks live = new HealthChecks();
      HealthChecks ready = new HealthChecks();
      Contracts contracts = new Contracts();
      Service service =
          factory.create(
              new ServiceContext(name, instance, config, metrics, live, ready, contracts));
      running = new RunningService(name, service, metrics);
      gateOnContracts(running, config, contracts, live, ready);
      ready.add("started", running::isStarted);
      running.start(OpsHttpServer.start(opsConfig, metrics, live, ready));
    } catch (Exception e) {
      if (running != null) {
        running.stop();
      } else if (metrics != null) {
        metrics.close();
      }
      return failed(e);
    }
    shutdownHooks.accept(new Thread(running::stop, name + "-shutdown"));
    LOGGER.info("service started name={} profile={}", name, profile);
    return new Launch.Started(running);
  }

  private static void gateOnContracts(
      RunningService running,
      ConfigSource config,
      Contracts contracts,
      HealthChecks live,
      HealthChecks ready) {
    if (contracts.list().isEmpty()) {
      return;
    }
    RegistryConfig registry = RegistryConfig.from(config);
    SchemaRegistryClient client = new SchemaRegistryClient(registry.clientConfig());
    ContractCheck check =
        new ContractCheck(client, registry.autoRegister(), config.string(ENVIRONMENT, "<env>"));
    Duration first = config.duration(CONTRACTS_FIRST_RETRY, Duration.ofSeconds(1));
    Duration max = config.duration(CONTRACTS_MAX_RETRY, Duration.ofSeconds(30));
    if (!first.isPositive() || max.compareTo(first) < 0) {
      throw new ConfigException(
          CONTRACTS_MAX_RETRY,
          "a positive " + CONTRACTS_FIRST_RETRY + " no longer than " + CONTRACTS_MAX_RETRY,
          CONTRACTS_FIRST_RETRY + "=" + first + ", " + CONTRACTS_MAX_RETRY + "=" + max);
    }
    // Doubling without jitter: one gate per process, and its log reads as a schedule.
    ContractGate gate =
        new ContractGate(check, contracts.list(), Backoff.exponential(first, max), Sleeper.REAL);
    ready.add("contracts", gate);
    // The service's liveness checks describe a started service; waiting is not being stuck.
    live.deferUntil(running::hasStarted);
    running.gateOn(gate, client);
  }

  private Launch failed(Exception e) {
    Optional<ConfigException> badConfig = configCause(e);
    if (badConfig.isPresent()) {
      err.println(name + ": bad config: " + badConfig.get().getMessage());
      return new Launch.Failed(EXIT_BAD_CONFIG);
    }
    LOGGER.error("service failed to start name={}", name, e);
    // stderr bypasses the log layout: mask here what it would (tokens, URL credentials).
    err.println(name + ": failed to start: " + Redact.text(e.toString()));
    return new Launch.Failed(EXIT_START_FAILED);
  }

  private static Optional<ConfigException> configCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConfigException config) {
        return Optional.of(config);
      }
    }
    return Optional.empty();
  }

  /** Fills the {@code service=} field of logback-orderflow.xml. */
  private void nameTheLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.putProperty("service", name);
    }
  }
}
