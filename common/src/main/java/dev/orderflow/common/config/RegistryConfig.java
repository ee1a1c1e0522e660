package dev.orderflow.common.config;

import java.net.URI;

/**
 * The Confluent-compatible schema registry ({@code schema.registry.url}, env {@code
 * SCHEMA_REGISTRY_URL}) and whether producers may register new schemas ({@code
 * schema.registry.auto-register}, off by default: schemas are registered by provisioning).
 */
public record RegistryConfig(URI url, boolean autoRegister) {
  public static final String URL = "schema.registry.url";
  public static final String AUTO_REGISTER = "schema.registry.auto-register";

  public RegistryConfig {
    if (url == null || !isHttp(url)) {
      throw new ConfigException(
          URL,
          "an http(s) URL such as http://127.0.0.1:8081/apis/ccompat/v7",
          String.valueOf(url == null ? "" : url));
    }
  }

  public static RegistryConfig from(ConfigSource source) {
    URI url = source.uri(URL).orElseThrow(() -> ConfigException.missing(URL, "an http(s) URL"));
    return new RegistryConfig(url, source.bool(AUTO_REGISTER, false));
  }

  private static boolean isHttp(URI url) {
    return ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
        && url.getHost() != null;
  }
}
