package dev.orderflow.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where every setting of a service comes from, lowest precedence first: defaults on the classpath
 * ({@code <service>.properties}), the profile's defaults when one is named ({@code --profile local}
 * or {@value #PROFILE_ENV}{@code =local}: {@code <service>-local.properties}), a properties file
 * ({@code --config <path>} or the {@value #CONFIG_FILE_ENV} variable), then environment variables
 * named after the key ({@code kafka.bootstrap.servers} → {@code KAFKA_BOOTSTRAP_SERVERS}). A blank
 * value counts as unset. The environment is passed in, so tests supply their own.
 *
 * <p>The shipped defaults name no host: addresses of the local stack live in the {@value
 * #LOCAL_PROFILE} profile only, so a deployment that forgets one fails with the key's name instead
 * of quietly dialling 127.0.0.1.
 *
 * <p>Typed getters throw {@link ConfigException} naming the key and the expected form.
 */
public final class ConfigSource {
  public static final String CONFIG_FILE_ENV = "ORDERFLOW_CONFIG";
  public static final String PROFILE_ENV = "ORDERFLOW_PROFILE";
  public static final String LOCAL_PROFILE = "local";

  private final Map<String, String> properties;
  private final Map<String, String> env;
  private final Optional<String> profile;

  private ConfigSource(
      Map<String, String> properties, Map<String, String> env, Optional<String> profile) {
    this.properties = Map.copyOf(properties);
    this.env = Map.copyOf(env);
    this.profile = profile;
  }

  /**
   * Properties (already merged) overridden by the given environment; the profile, if any, is the
   * one {@value #PROFILE_ENV} names (no file is read for it).
   */
  public static ConfigSource of(Map<String, String> properties, Map<String, String> env) {
    return new ConfigSource(properties, env, LaunchArgs.profileIn(env));
  }

  /**
   * Classpath defaults ({@code defaultsResource}, may be absent), then the profile's ({@code
   * --profile <name>} / {@value #PROFILE_ENV}: {@code <defaults>-<name>.properties}, which must
   * exist), then the file named by {@code --config <path>} / {@code --config=<path>} or {@value
   * #CONFIG_FILE_ENV}, then {@code env}.
   */
  public static ConfigSource load(String defaultsResource, String[] args, Map<String, String> env) {
    LaunchArgs launch = LaunchArgs.parse(args, env);
    Map<String, String> merged = new HashMap<>(PropertiesFiles.classpath(defaultsResource));
    launch
        .profile()
        .ifPresent(name -> merged.putAll(PropertiesFiles.profile(defaultsResource, name)));
    launch.configFile().ifPresent(path -> merged.putAll(PropertiesFiles.read(path)));
    return new ConfigSource(merged, env, launch.profile());
  }

  /**
   * The entries of a properties file (UTF-8), read as a {@code --config} file is, for tools that
   * merge files of their own; a {@link ConfigException} names the file if it cannot be read.
   */
  public static Map<String, String> readFile(Path path) {
    return PropertiesFiles.read(path);
  }

  /**
   * The environment variable that overrides {@code key} ({@code kafka.bootstrap.servers} → {@code
   * KAFKA_BOOTSTRAP_SERVERS}), for checks of deployment files that set variables.
   */
  public static String envName(String key) {
    return EnvNames.of(key);
  }

  /** The profile the service runs under ({@code local}), if one was named. */
  public Optional<String> profile() {
    return profile;
  }

  /** Whether this is the local stack's profile, where plain-http endpoints are expected. */
  public boolean isLocalProfile() {
    return profile.filter(LOCAL_PROFILE::equals).isPresent();
  }

  /** The trimmed value of {@code key}, empty when unset or blank. */
  public Optional<String> find(String key) {
    String fromEnv = env.get(EnvNames.of(key));
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.trim());
    }
    return Optional.ofNullable(properties.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }

  public String string(String key) {
    return find(key).orElseThrow(() -> ConfigException.missing(key, "a value"));
  }

  public String string(String key, String defaultValue) {
    return find(key).orElse(defaultValue);
  }

  public int intInRange(String key, int min, int max) {
    String expected = "an integer from " + min + " to " + max;
    return parse(key, expected, v -> parseInt(v, min, max)).orElseThrow(missing(key, expected));
  }

  public int intInRange(String key, int min, int max, int defaultValue) {
    return find(key).isPresent() ? intInRange(key, min, max) : defaultValue;
  }

  public Duration duration(String key) {
    return parse(key, Durations.EXPECTED, v -> Durations.parse(v).orElse(null))
        .orElseThrow(missing(key, Durations.EXPECTED));
  }

  public Duration duration(String key, Duration defaultValue) {
    return find(key).isPresent() ? duration(key) : defaultValue;
  }

  public boolean bool(String key, boolean defaultValue) {
    return parse(key, "true or false", ConfigSource::parseBoolean).orElse(defaultValue);
  }

  /** A comma-separated list, each item trimmed, empty items dropped. */
  public List<String> list(String key, List<String> defaultValue) {
    return find(key)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(defaultValue);
  }

  /** An absolute URI with a scheme and host, such as {@code http://127.0.0.1:8081}. */
  public Optional<URI> uri(String key) {
    return parse(key, "an absolute URI such as http://host:port", ConfigSource::parseUri);
  }

  /**
   * An https URL, for endpoints that carry tokens or personal data ({@code meta.graph.url}). Plain
   * http is accepted only where it cannot leave the machine or the test: a loopback host, or under
   * the {@value #LOCAL_PROFILE} profile.
   */
  public Optional<URI> secureUri(String key) {
    Optional<URI> uri = uri(key);
    uri.filter(u -> !"https".equalsIgnoreCase(u.getScheme()))
        .filter(u -> !isLocalProfile() && !Loopback.is(u.getHost()))
        .ifPresent(
            u -> {
              throw new ConfigException(
                  key,
                  "an https URL (http only to a loopback host or with " + PROFILE_ENV + "=local)",
                  u.toString());
            });
    return uri;
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
    String expected = "one of " + Arrays.toString(type.getEnumConstants());
    return parse(key, expected, v -> parseEnum(type, v)).orElse(defaultValue);
  }

  /**
   * Every key below {@code prefix}, with the prefix cut off: {@code withPrefix("kafka.ssl.")} maps
   * {@code kafka.ssl.truststore.location} to {@code truststore.location}. Environment variables
   * below the prefix ({@code KAFKA_SSL_TRUSTSTORE_LOCATION}) take part with underscores read as
   * dots.
   */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> result = new TreeMap<>();
    properties.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && !v.isBlank()) {
            result.put(k.substring(prefix.length()), v.trim());
          }
        });
    String envPrefix = EnvNames.of(prefix);
    env.forEach(
        (k, v) -> {
          if (k.startsWith(envPrefix) && !v.isBlank()) {
            result.put(EnvNames.toKey(k.substring(envPrefix.length())), v.trim());
          }
        });
    return result;
  }

  private <T> Optional<T> parse(String key, String expected, Function<String, T> parser) {
    Optional<String> raw = find(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    T value = parser.apply(raw.get());
    if (value == null) {
      throw new ConfigException(key, expected, raw.get());
    }
    return Optional.of(value);
  }

  private static Supplier<ConfigException> missing(String key, String expected) {
    return () -> ConfigException.missing(key, expected);
  }

  private static Integer parseInt(String v, int min, int max) {
    try {
      int n = Integer.parseInt(v);
      return n >= min && n <= max ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean parseBoolean(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static URI parseUri(String v) {
    try {
      URI uri = new URI(v);
      return uri.isAbsolute() && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String v) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(v.replace('-', '_'))) {
        return constant;
      }
    }
    return null;
  }
}
