package dev.orderflow.common.config;

import dev.orderflow.common.logging.Redact;
import dev.orderflow.common.registry.RegistryAuth;
import dev.orderflow.common.registry.RegistryClientConfig;
import dev.orderflow.common.registry.RegistryTls;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Confluent-compatible schema registry ({@code schema.registry.url}, env {@code
 * SCHEMA_REGISTRY_URL}), whether producers may register new schemas ({@code
 * schema.registry.auto-register}, off by default: schemas are registered by provisioning), and how
 * the client authenticates and whom it trusts. The key names follow Confluent's clients:
 *
 * <ul>
 *   <li>{@code schema.registry.basic.auth.user.info} ({@code user:password}, an API key and
 *       secret), or credentials in the URL ({@code https://key:secret@host/…});
 *   <li>{@code schema.registry.bearer.auth.token}, a static bearer token;
 *   <li>{@code schema.registry.ssl.truststore.location}, {@code .password}, {@code .type} (PKCS12
 *       unless set): a truststore replacing the JDK's.
 * </ul>
 *
 * <p>{@link #url()} never carries credentials, and nothing here prints a secret. Credentials are
 * refused over plain http except to a loopback host.
 */
public record RegistryConfig(
    URI url, boolean autoRegister, RegistryAuth auth, Optional<RegistryTls> tls) {
  public static final String URL = "schema.registry.url";
  public static final String AUTO_REGISTER = "schema.registry.auto-register";
  public static final String BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
  public static final String BEARER_AUTH_TOKEN = "schema.registry.bearer.auth.token";
  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  private static final String HIDDEN = "<hidden>";

  public RegistryConfig {
    if (url == null || !isHttp(url)) {
      throw new ConfigException(
          URL,
          "an http(s) URL such as http://127.0.0.1:8081/apis/ccompat/v7",
          url == null ? "" : Redact.urlCredentials(url.toString()));
    }
    if (url.getRawUserInfo() != null) {
      if (!(auth instanceof RegistryAuth.None)) {
        throw new ConfigException(
            URL,
            "no credentials in the URL when " + BASIC_AUTH_USER_INFO + " or a token is set",
            Redact.urlCredentials(url.toString()));
      }
      auth = RegistryAuth.Basic.ofUserInfo(url.getUserInfo());
      url = withoutUserInfo(url);
    }
    boolean sendsCredentials = !(auth instanceof RegistryAuth.None);
    if (sendsCredentials && "http".equals(url.getScheme()) && !Loopback.is(url.getHost())) {
      throw new ConfigException(URL, "an https URL when credentials are set", url.toString());
    }
  }

  /** No credentials, the JDK's trust. */
  public RegistryConfig(URI url, boolean autoRegister) {
    this(url, autoRegister, RegistryAuth.none(), Optional.empty());
  }

  public static RegistryConfig from(ConfigSource source) {
    URI url = source.uri(URL).orElseThrow(() -> ConfigException.missing(URL, "an http(s) URL"));
    return new RegistryConfig(url, source.bool(AUTO_REGISTER, false), auth(source), tls(source));
  }

  /** What the registry client is built from; {@code timeout} bounds each call. */
  public RegistryClientConfig clientConfig() {
    return new RegistryClientConfig(
        url.toString(), RegistryClientConfig.DEFAULT_TIMEOUT, auth, tls);
  }

  private static RegistryAuth auth(ConfigSource source) {
    Optional<String> userInfo = source.find(BASIC_AUTH_USER_INFO);
    Optional<String> token = source.find(BEARER_AUTH_TOKEN);
    if (userInfo.isPresent() && token.isPresent()) {
      throw new ConfigException(
          BEARER_AUTH_TOKEN, "either it or " + BASIC_AUTH_USER_INFO + ", not both", HIDDEN);
    }
    if (token.isPresent()) {
      return new RegistryAuth.Bearer(token.get());
    }
    if (userInfo.isPresent()) {
      try {
        return RegistryAuth.Basic.ofUserInfo(userInfo.get());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(BASIC_AUTH_USER_INFO, "user:password", HIDDEN);
      }
    }
    return RegistryAuth.none();
  }

  private static Optional<RegistryTls> tls(ConfigSource source) {
    Optional<String> location = source.find(TRUSTSTORE_LOCATION);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(location.get());
    if (!path.toFile().canRead()) {
      throw new ConfigException(TRUSTSTORE_LOCATION, "a readable truststore file", location.get());
    }
    String type = source.string(TRUSTSTORE_TYPE, RegistryTls.DEFAULT_TYPE);
    if (!type.equalsIgnoreCase("PKCS12") && !type.equalsIgnoreCase("JKS")) {
      throw new ConfigException(TRUSTSTORE_TYPE, "PKCS12 or JKS", type);
    }
    return Optional.of(new RegistryTls(path, source.find(TRUSTSTORE_PASSWORD).orElse(null), type));
  }

  private static boolean isHttp(URI url) {
    return ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
        && url.getHost() != null;
  }

  private static URI withoutUserInfo(URI url) {
    try {
      return new URI(
          url.getScheme(),
          null,
          url.getHost(),
          url.getPort(),
          url.getPath(),
          url.getQuery(),
          url.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a valid URL stays valid without its user info", e);
    }
  }

  @Override
  public String toString() {
    return "RegistryConfig[url="
        + url
        + ", autoRegister="
        + autoRegister
        + ", auth="
        + auth
        + ", tls="
        + tls
        + "]";
  }
}
