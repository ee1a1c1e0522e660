package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.config.ConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, read as podman-compose reads it (YAML merge keys resolved), against what the
 * services really read: every environment variable it sets on a service is a config key of that
 * service (ConfigSource's mapping: the key upper-cased, '.' and '-' as '_'), so a typo or a key
 * that no longer exists cannot sit in the file unnoticed. A service's keys are those of its shipped
 * properties files and the key literals of its code and of the modules it reads config through.
 */
class ComposeFileTest {
  private static final Path ROOT = E2eEnvironment.repositoryRoot();
  private static final Pattern KEY_LITERAL =
      Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+\\.?)\"");

  /** The modules whose code reads each service's config (common for all). */
  private static final Map<String, List<String>> CONFIG_MODULES =
      Map.of(
          "order-ingest", List.of("order-ingest", "common"),
          "notification-router", List.of("notification-router", "common"),
          "whatsapp-sender", List.of("whatsapp-sender", "sender-framework", "common"),
          "instagram-sender", List.of("instagram-sender", "sender-framework", "common"),
          "meta-webhooks", List.of("meta-webhooks", "common"));

  private final Map<String, Object> compose = load();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "order-ingest",
        "notification-router",
        "whatsapp-sender",
        "instagram-sender",
        "meta-webhooks"
      })
  void everyVariableTheFileSetsIsAKeyTheServiceReads(String service) throws IOException {
    Map<String, String> env = environment(service);
    assertThat(env).as("%s's environment", service).containsKey("OPS_PORT");
    Set<String> keys = keysRead(service);
    for (String variable : env.keySet()) {
      if (variable.equals(ConfigSource.PROFILE_ENV)
          || variable.equals(ConfigSource.CONFIG_FILE_ENV)) {
        continue;
      }
      assertThat(isKey(variable, keys))
          .as(
              "%s: %s is not the variable of any config key %s reads (%s)",
              service, variable, service, CONFIG_MODULES.get(service))
          .isTrue();
    }
    if ("local".equals(env.get(ConfigSource.PROFILE_ENV))) {
      assertThat(resource(service + "-local.properties"))
          .as("%s runs with ORDERFLOW_PROFILE=local, so it must ship the profile's file", service)
          .isNotNull();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "order-ingest",
        "notification-router",
        "whatsapp-sender",
        "instagram-sender",
        "meta-webhooks"
      })
  void everyServiceRunsItsImageHealthCheckedAfterProvisioning(String service) {
    Map<String, Object> definition = service(service);
    assertThat(definition.get("image"))
        .as("%s's image: dev/images.sh's name, tagged with the project's version", service)
        .isEqualTo(
            "localhost/orderflow/"
                + service
                + ":${ORDERFLOW_VERSION:-"
                + Podman.projectVersion()
                + "}");
    assertThat(definition.get("restart")).isEqualTo("unless-stopped");
    assertThat(definition.get("network_mode")).isEqualTo("host");
    @SuppressWarnings("unchecked")
    Map<String, Object> dependsOn = (Map<String, Object>) definition.get("depends_on");
    assertThat(dependsOn)
        .containsEntry("provision", Map.of("condition", "service_completed_successfully"));
    @SuppressWarnings("unchecked")
    List<String> test =
        (List<String>) ((Map<String, Object>) definition.get("healthcheck")).get("test");
    String opsPort = environment(service).get("OPS_PORT");
    assertThat(String.join(" ", test))
        .as("%s's healthcheck asks its ops port for readiness", service)
        .contains("http://127.0.0.1:" + opsPort + "/health/ready");
    // Kafka Streams' close is bounded at 30 s, the senders' shutdown at 20 s: the grace is longer.
    assertThat(seconds(definition.get("stop_grace_period"))).isGreaterThan(30);
  }

  @Test
  void kafkaAndTheRegistryKeepTheirDataInNamedVolumes() {
    @SuppressWarnings("unchecked")
    Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
    assertThat(volumes).containsKeys("kafka-data", "registry-data");
    assertThat(service("kafka").get("volumes").toString())
        .contains("kafka-data:/var/lib/kafka/data");
    assertThat(service("kafka").get("command").toString())
        .as("the broker's log.dirs is the volume")
        .contains("log.dirs=/var/lib/kafka/data");
    assertThat(service("registry").get("volumes").toString()).contains("registry-data:/data");
    assertThat(service("registry").get("command").toString())
        .as("the registry's database is in the volume")
        .contains("jdbc:h2:file:/data/registry");
    assertThat(service("provision").get("restart")).isEqualTo("no");
  }

  private static boolean isKey(String variable, Set<String> keys) {
    for (String key : keys) {
      String name = ConfigSource.envName(key);
      if (key.endsWith(".") ? variable.startsWith(name) : variable.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The shipped properties' keys and every key-shaped literal in the config-reading code. */
  private static Set<String> keysRead(String service) throws IOException {
    Set<String> keys = new HashSet<>();
    for (String file : List.of(service + ".properties", service + "-local.properties")) {
      try (InputStream in = resource(file)) {
        if (in != null) {
          Properties properties = new Properties();
          properties.load(in);
          keys.addAll(properties.stringPropertyNames());
        }
      }
    }
    for (String module : CONFIG_MODULES.get(service)) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher matcher = KEY_LITERAL.matcher(Files.readString(file));
          while (matcher.find()) {
            keys.add(matcher.group(1));
          }
        }
      }
    }
    return keys;
  }

  private static InputStream resource(String name) {
    return ComposeFileTest.class.getClassLoader().getResourceAsStream(name);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> service(String name) {
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    assertThat(services).as("docker-compose.yml's services").containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> environment(String service) {
    Map<String, Object> env = (Map<String, Object>) service(service).get("environment");
    assertThat(env).as("%s's environment", service).isNotNull();
    Map<String, String> result = new java.util.TreeMap<>();
    env.forEach((k, v) -> result.put(k, String.valueOf(v)));
    return result;
  }

  private static long seconds(Object duration) {
    String text = String.valueOf(duration);
    assertThat(text).matches("\\d+s");
    return Long.parseLong(text.substring(0, text.length() - 1));
  }

  private static Map<String, Object> load() {
    try (Reader reader =
        Files.newBufferedReader(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
      return new Yaml().load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read docker-compose.yml", e);
    }
  }
}
