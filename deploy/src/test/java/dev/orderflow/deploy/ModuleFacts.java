package dev.orderflow.deploy;

import dev.orderflow.common.config.ConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service module says about itself, read from its own resources and sources (never a copy
 * kept here): its defaults file, its ops port, the config keys it reads and how long it may take to
 * stop.
 */
record ModuleFacts(String module, List<String> configModules) {
  static final List<ModuleFacts> SERVICES =
      List.of(
          new ModuleFacts("order-ingest", List.of("order-ingest", "common")),
          new ModuleFacts("notification-router", List.of("notification-router", "common")),
          new ModuleFacts(
              "whatsapp-sender", List.of("whatsapp-sender", "sender-framework", "common")),
          new ModuleFacts(
              "instagram-sender", List.of("instagram-sender", "sender-framework", "common")),
          new ModuleFacts("meta-webhooks", List.of("meta-webhooks", "common")));

  /** Environment variables the JVM or the launcher read, not config keys. */
  static final Set<String> NOT_CONFIG_KEYS = Set.of("JAVA_TOOL_OPTIONS");

  private static final Pattern KEY_LITERAL =
      Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+\\.?)\"");
  private static final Pattern CONCAT = Pattern.compile("\\b([A-Z_]+)\\s*\\+\\s*\"([a-z0-9.-]+)\"");
  private static final Pattern CONSTANT =
      Pattern.compile("static final String ([A-Z_]+)\\s*=\\s*\"([a-z0-9.-]+)\"");

  boolean streams() {
    return module.equals("order-ingest") || module.equals("notification-router");
  }

  boolean sender() {
    return module.endsWith("-sender");
  }

  String platform() {
    return module.substring(0, module.indexOf('-'));
  }

  Properties defaults() {
    return Repo.properties(resources().resolve(module + ".properties"));
  }

  Path resources() {
    return Repo.root().resolve(module).resolve("src/main/resources");
  }

  /**
   * The default ops port: {@code ops.port} in the defaults file, and the port the launcher is given
   * in code ({@code OPS_PORT = …} or the senders' map); where both exist they must agree.
   */
  int opsPort() {
    String sources = Repo.mainSources(module);
    Integer inCode = null;
    Matcher constant = Pattern.compile("OPS_PORT = (\\d+);").matcher(sources);
    if (constant.find()) {
      inCode = Integer.parseInt(constant.group(1));
    } else if (sender()) {
      String launcher =
          Repo.read(
              Repo.root()
                  .resolve(
                      "sender-framework/src/main/java/dev/orderflow/sender/app/SenderLauncher.java"));
      inCode = Integer.parseInt(Repo.firstGroup(launcher, "\"" + platform() + "\", (\\d+)"));
    }
    String inFile = defaults().getProperty("ops.port");
    if (inFile != null && inCode != null && Integer.parseInt(inFile) != inCode) {
      throw new AssertionError(module + ": ops.port " + inFile + " but the code says " + inCode);
    }
    if (inFile == null && inCode == null) {
      throw new AssertionError(module + ": no ops port found");
    }
    return inFile != null ? Integer.parseInt(inFile) : inCode;
  }

  /**
   * Every config key the module can read: the keys of its properties files and every key-shaped
   * string literal of its sources and of the modules whose config it uses (including {@code PREFIX
   * + "name"} concatenations). Literals ending in '.' are pass-through prefixes.
   */
  Set<String> knownKeys() {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.list(resources())) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".properties"))
          .forEach(f -> Repo.properties(f).stringPropertyNames().forEach(keys::add));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String m : configModules) {
      String sources = Repo.mainSources(m);
      Matcher lit = KEY_LITERAL.matcher(sources);
      while (lit.find()) {
        keys.add(lit.group(1));
      }
      Map<String, String> constants = new java.util.HashMap<>();
      Matcher c = CONSTANT.matcher(sources);
      while (c.find()) {
        constants.put(c.group(1), c.group(2));
      }
      Matcher cat = CONCAT.matcher(sources);
      while (cat.find()) {
        String prefix = constants.get(cat.group(1));
        if (prefix != null) {
          keys.add(prefix + cat.group(2));
        }
      }
    }
    return keys;
  }

  /**
   * The key an environment variable sets, as common's ConfigSource reads it (asked of the real
   * loader, not a copy of its naming rule); empty when the module reads no such key.
   */
  Optional<String> keyOf(String envName, Set<String> known) {
    for (String key : known) {
      Map<String, String> env = Map.of(envName, "x");
      ConfigSource source = ConfigSource.of(Map.of(), env);
      if (key.endsWith(".")) {
        if (!source.withPrefix(key).isEmpty()) {
          return Optional.of(key + "*");
        }
      } else if (source.find(key).isPresent()) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /**
   * How long the service may take to stop after SIGTERM, from its code: the Streams close timeout,
   * the sender's shutdown timeout (config, default in SenderSettings) plus the 5 s SenderService
   * adds, or meta-webhooks' server stop plus producer close.
   */
  Duration shutdownBound(Map<String, String> env) {
    List<Duration> parts = new ArrayList<>();
    switch (module) {
      case "order-ingest" ->
          parts.add(
              seconds(
                  Repo.mainSources(module),
                  "streams\\.close\\(Duration\\.ofSeconds\\((\\d+)\\)\\)"));
      case "notification-router" ->
          parts.add(
              seconds(
                  Repo.mainSources(module), "CLOSE_TIMEOUT = Duration\\.ofSeconds\\((\\d+)\\)"));
      case "meta-webhooks" -> {
        String s = Repo.mainSources(module);
        parts.add(seconds(s, "STOP_TIMEOUT = Duration\\.ofSeconds\\((\\d+)\\)"));
        parts.add(seconds(s, "producer\\.close\\(Duration\\.ofSeconds\\((\\d+)\\)\\)"));
      }
      default -> {
        String settings = Repo.mainSources("sender-framework");
        Duration fallback =
            seconds(settings, "DEFAULT_SHUTDOWN_TIMEOUT = Duration\\.ofSeconds\\((\\d+)\\)");
        ConfigSource config = ConfigSource.of(Map.of(), env);
        parts.add(config.duration("sender.shutdown-timeout", fallback));
        parts.add(seconds(settings, "shutdownTimeout\\(\\)\\.plusSeconds\\((\\d+)\\)"));
      }
    }
    return parts.stream().reduce(Duration.ZERO, Duration::plus);
  }

  private static Duration seconds(String text, String regex) {
    return Duration.ofSeconds(Long.parseLong(Repo.firstGroup(text, regex)));
  }
}
