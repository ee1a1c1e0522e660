package dev.orderflow.common.config;

/**
 * Where the metrics and health endpoint listens: {@code ops.host} (default 127.0.0.1, so nothing is
 * exposed unless asked) and {@code ops.port} (0 picks a free port, for tests).
 */
public record OpsServerConfig(String host, int port) {
  public static final String HOST = "ops.host";
  public static final String PORT = "ops.port";
  public static final String DEFAULT_HOST = "127.0.0.1";

  public OpsServerConfig {
    if (host == null || host.isBlank()) {
      throw new ConfigException(HOST, "a host name or IP address to bind", String.valueOf(host));
    }
    if (port < 0 || port > 65535) {
      throw new ConfigException(PORT, "an integer from 0 to 65535", Integer.toString(port));
    }
  }

  public static OpsServerConfig from(ConfigSource source, int defaultPort) {
    return new OpsServerConfig(
        source.string(HOST, DEFAULT_HOST), source.intInRange(PORT, 0, 65535, defaultPort));
  }
}
