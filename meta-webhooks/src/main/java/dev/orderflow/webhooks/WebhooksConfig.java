package dev.orderflow.webhooks;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.webhooks.http.HttpConfig;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * meta-webhooks' own settings (Kafka, registry and ops settings are read by common). Every key can
 * be overridden by its environment variable: {@code webhooks.http.port} → {@code
 * WEBHOOKS_HTTP_PORT}.
 *
 * @param writeTimeout how long a webhook waits for Kafka to acknowledge its records before it is
 *     answered 503
 */
public record WebhooksConfig(
    HttpConfig http, Duration writeTimeout, Credentials credentials, Topics topics) {

  public static final String WRITE_TIMEOUT = "webhooks.kafka.write-timeout";

  /** The shared credentials secret and how often it is read again. */
  public record Credentials(String secretName, Duration refreshInterval, Duration minReread) {
    public Credentials {
      if (secretName == null || secretName.isBlank()) {
        throw new ConfigException("credentials.secret-name", "a secret name", "");
      }
      positive("credentials.refresh-interval", refreshInterval);
      positive("credentials.min-reread-interval", minReread);
    }
  }

  /** The names of the topics written. */
  public record Topics(String status, String inbound, String unparsed) {
    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    public Topics {
      legal("topics.notify-status", status);
      legal("topics.buyer-inbound", inbound);
      legal("topics.webhooks-unparsed", unparsed);
    }

    public List<String> all() {
      return List.of(status, inbound, unparsed);
    }

    private static void legal(String key, String name) {
      if (name == null || !LEGAL.matcher(name).matches()) {
        throw new ConfigException(key, "a topic name of 1 to 249 of [A-Za-z0-9._-]", name);
      }
    }
  }

  public WebhooksConfig {
    positive(WRITE_TIMEOUT, writeTimeout);
  }

  public static WebhooksConfig from(ConfigSource c) {
    return new WebhooksConfig(
        HttpConfig.from(c),
        c.duration(WRITE_TIMEOUT, Duration.ofSeconds(10)),
        new Credentials(
            c.string("credentials.secret-name", "orderflow/local/meta-credentials"),
            c.duration("credentials.refresh-interval", Duration.ofMinutes(5)),
            c.duration("credentials.min-reread-interval", Duration.ofSeconds(30))),
        new Topics(
            c.string("topics.notify-status", TopicNames.NOTIFY_STATUS),
            c.string("topics.buyer-inbound", TopicNames.BUYER_INBOUND),
            c.string("topics.webhooks-unparsed", TopicNames.WEBHOOKS_UNPARSED)));
  }

  static void positive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new ConfigException(key, "a positive duration such as 10s", String.valueOf(value));
    }
  }
}
