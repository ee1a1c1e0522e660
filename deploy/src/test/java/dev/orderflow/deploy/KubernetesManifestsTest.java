package dev.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.common.kafka.TopicNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay, rendered in plain Java (no kubectl needed: this always runs), parsed strictly with
 * fabric8's Kubernetes model, and checked against what the modules say about themselves.
 */
class KubernetesManifestsTest {

  static Stream<String> overlays() {
    return Stream.of("overlays/local", "overlays/prod");
  }

  private static Manifests render(String overlay) {
    return new Manifests(Kustomize.render(Repo.kubernetes().resolve(overlay)));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyServiceRunsItsOwnImageAtTheProjectVersion(String overlay) {
    Manifests m = render(overlay);
    for (ModuleFacts s : ModuleFacts.SERVICES) {
      Container c = container(m, s);
      assertThat(c.getImage())
          .as(s.module())
          .isEqualTo("orderflow/" + Repo.artifactId(s.module()) + ":" + Repo.projectVersion());
    }
    assertThat(m.of(Deployment.class).size() + m.of(StatefulSet.class).size())
        .isEqualTo(ModuleFacts.SERVICES.size());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void streamsServicesAreStatefulSetsWithTheirStateDirOnAVolume(String overlay) {
    Manifests m = render(overlay);
    for (ModuleFacts s : ModuleFacts.SERVICES) {
      if (!s.streams()) {
        m.named(Deployment.class, s.module());
        continue;
      }
      StatefulSet set = m.named(StatefulSet.class, s.module());
      String stateDir = env(m, s).get("KAFKA_STREAMS_STATE_DIR");
      assertThat(stateDir).as(s.module() + " state dir").isNotBlank();
      assertThat(s.keyOf("KAFKA_STREAMS_STATE_DIR", s.knownKeys())).hasValue("kafka.streams.*");
      String claim = set.getSpec().getVolumeClaimTemplates().getFirst().getMetadata().getName();
      assertThat(container(m, s).getVolumeMounts())
          .anySatisfy(
              v -> {
                assertThat(v.getName()).isEqualTo(claim);
                assertThat(v.getMountPath()).isEqualTo(stateDir);
              });
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void portsProbesAndScrapeAnnotationsAreTheOpsEndpoints(String overlay) {
    Manifests m = render(overlay);
    Set<String> routes = opsRoutes();
    assertThat(routes).contains("/metrics", "/health/live", "/health/ready");
    for (ModuleFacts s : ModuleFacts.SERVICES) {
      int ops = s.opsPort();
      Container c = container(m, s);
      assertThat(c.getPorts())
          .as(s.module())
          .anySatisfy(
              p -> {
                assertThat(p.getName()).isEqualTo("ops");
                assertThat(p.getContainerPort()).isEqualTo(ops);
              });
      Map<String, String> env = env(m, s);
      if (env.containsKey("OPS_PORT")) {
        assertThat(Integer.parseInt(env.get("OPS_PORT"))).isEqualTo(ops);
      }
      // The kubelet probes the pod IP unless a probe names a host: a loopback-bound ops port
      // (host network, local overlay) needs probes on 127.0.0.1.
      String opsHost = env.get("OPS_HOST");
      boolean hostNetwork = Boolean.TRUE.equals(pod(m, s).getSpec().getHostNetwork());
      assertThat(opsHost).as(s.module() + " OPS_HOST").isIn("0.0.0.0", "127.0.0.1");
      if (opsHost.equals("127.0.0.1")) {
        assertThat(hostNetwork)
            .as(s.module() + ": loopback ops port without host network")
            .isTrue();
        for (Probe p : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
          assertThat(p.getHttpGet().getHost())
              .as(s.module() + " probe host")
              .isEqualTo("127.0.0.1");
        }
      }
      assertProbe(c.getLivenessProbe(), "/health/live", routes);
      assertProbe(c.getReadinessProbe(), "/health/ready", routes);
      assertProbe(c.getStartupProbe(), "/health/live", routes);
      Map<String, String> ann = pod(m, s).getMetadata().getAnnotations();
      assertThat(ann)
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", Integer.toString(ops))
          .containsEntry("prometheus.io/path", "/metrics");
      Service svc = m.named(Service.class, s.module());
      assertThat(svc.getSpec().getSelector())
          .isEqualTo(
              pod(m, s).getMetadata().getLabels().entrySet().stream()
                  .filter(e -> e.getKey().equals("app.kubernetes.io/name"))
                  .collect(
                      java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
    // meta-webhooks' callback port: the manifest's, its env's and its defaults' agree.
    ModuleFacts webhooks = facts("meta-webhooks");
    int http = Integer.parseInt(webhooks.defaults().getProperty("webhooks.http.port"));
    assertThat(container(m, webhooks).getPorts())
        .anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(http));
    assertThat(env(m, webhooks).getOrDefault("WEBHOOKS_HTTP_PORT", Integer.toString(http)))
        .isEqualTo(Integer.toString(http));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyEnvironmentVariableIsAConfigKeyTheServiceReads(String overlay) {
    Manifests m = render(overlay);
    List<String> unknown = new ArrayList<>();
    for (ModuleFacts s : ModuleFacts.SERVICES) {
      Set<String> known = s.knownKeys();
      for (String name : env(m, s).keySet()) {
        if (!ModuleFacts.NOT_CONFIG_KEYS.contains(name) && s.keyOf(name, known).isEmpty()) {
          unknown.add(s.module() + ": " + name);
        }
      }
    }
    assertThat(unknown).as("environment variables no config key of the service matches").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theMetaSecretIsNamedNeverEmbedded(String overlay) {
    Manifests m = render(overlay);
    String env = overlay.substring(overlay.indexOf('/') + 1);
    for (ModuleFacts s : ModuleFacts.SERVICES) {
      Map<String, String> vars = env(m, s);
      if (s.sender() || s.module().equals("meta-webhooks")) {
        assertThat(vars.get("CREDENTIALS_SECRET_NAME"))
            .as(s.module())
            .isEqualTo("orderflow/" + env + "/meta-credentials");
      }
      for (String secretKey :
          List.of("whatsappToken", "instagramToken", "metaAppSecret", "webhookVerifyToken")) {
        assertThat(vars.keySet()).noneMatch(k -> k.equalsIgnoreCase(secretKey));
      }
    }
    assertThat(m.all).noneMatch(o -> o.getClass().getSimpleName().equals("Secret"));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void podsStopWithinTheirGracePeriodAsNonRootWithBudgetsAndSpread(String overlay) {
    Manifests m = render(overlay);
    for (ModuleFacts s : ModuleFacts.SERVICES) {
      PodTemplateSpec pod = pod(m, s);
      Duration bound = s.shutdownBound(env(m, s));
      assertThat(Duration.ofSeconds(pod.getSpec().getTerminationGracePeriodSeconds()))
          .as(s.module() + " grace period vs its shutdown bound " + bound)
          .isGreaterThan(bound.plusSeconds(5));
      assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isPositive();
      Container c = container(m, s);
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
      assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
      assertThat(pod.getSpec().getTopologySpreadConstraints())
          .extracting(t -> t.getTopologyKey())
          .contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");
      PodDisruptionBudget pdb = m.named(PodDisruptionBudget.class, s.module());
      assertThat(pdb.getSpec().getSelector().getMatchLabels())
          .containsEntry("app.kubernetes.io/name", s.module());
      assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", s.module());
    }
  }

  @org.junit.jupiter.api.Test
  void scaledObjectsFollowTheConsumerGroupsAndArePartitionBounded() {
    Manifests m = render("overlays/prod");
    Map<String, Integer> partitions = partitions();
    assertThat(m.of(Manifests.ScaledObject.class)).hasSize(3);
    for (ModuleFacts s : ModuleFacts.SERVICES) {
      String group;
      List<String> topics = new ArrayList<>();
      if (s.sender()) {
        group = s.defaults().getProperty("sender.group-id");
        topics.add(s.defaults().getProperty("sender.main-topic"));
        for (String delay : retryDelays()) {
          topics.add(TopicNames.retryTopic(s.platform(), delay));
        }
      } else if (s.module().equals("notification-router")) {
        group = s.defaults().getProperty("router.application-id");
        topics.add(s.defaults().getProperty("topics.orders-created"));
      } else {
        continue;
      }
      Manifests.ScaledObject so = m.scaledObject(s.module());
      assertThat(so.spec().scaleTargetRef().name()).isEqualTo(s.module());
      HasMetadata target =
          s.streams()
              ? m.named(StatefulSet.class, s.module())
              : m.named(Deployment.class, s.module());
      assertThat(so.spec().scaleTargetRef().kind()).isEqualTo(target.getKind());
      assertThat(so.spec().triggers())
          .extracting(t -> t.metadata().get("topic"))
          .containsExactlyInAnyOrderElementsOf(topics);
      for (Manifests.Trigger t : so.spec().triggers()) {
        assertThat(t.type()).isEqualTo("kafka");
        assertThat(KAFKA_SCALER_KEYS).containsAll(t.metadata().keySet());
        assertThat(t.metadata()).containsEntry("consumerGroup", group);
        assertThat(t.metadata().get("allowIdleConsumers")).isEqualTo("false");
        Integer p = partitions.get(t.metadata().get("topic"));
        assertThat(p).as("provisioned topic " + t.metadata().get("topic")).isNotNull();
        assertThat(so.spec().maxReplicaCount()).isLessThanOrEqualTo(p);
        assertThat(env(m, s)).containsKey(t.metadata().get("bootstrapServersFromEnv"));
      }
      int main = partitions.get(topics.getFirst());
      assertThat(so.spec().minReplicaCount()).isBetween(1, so.spec().maxReplicaCount());
      assertThat(so.spec().maxReplicaCount()).isEqualTo(main);
    }
  }

  /** The Kafka scaler's documented trigger metadata (KEDA is not on Maven Central to check). */
  static final Set<String> KAFKA_SCALER_KEYS =
      Set.of(
          "bootstrapServers",
          "bootstrapServersFromEnv",
          "consumerGroup",
          "consumerGroupFromEnv",
          "topic",
          "topicFromEnv",
          "lagThreshold",
          "activationLagThreshold",
          "offsetResetPolicy",
          "allowIdleConsumers",
          "excludePersistentLag",
          "scaleToZeroOnInvalidOffset",
          "limitToPartitionsWithLag");

  // --- helpers

  static ModuleFacts facts(String module) {
    return ModuleFacts.SERVICES.stream()
        .filter(f -> f.module().equals(module))
        .findFirst()
        .orElseThrow();
  }

  static PodTemplateSpec pod(Manifests m, ModuleFacts s) {
    return s.streams()
        ? m.named(StatefulSet.class, s.module()).getSpec().getTemplate()
        : m.named(Deployment.class, s.module()).getSpec().getTemplate();
  }

  static Container container(Manifests m, ModuleFacts s) {
    List<Container> containers = pod(m, s).getSpec().getContainers();
    assertThat(containers).hasSize(1);
    return containers.getFirst();
  }

  /** The container's environment as the process sees it: envFrom ConfigMaps, then env. */
  static Map<String, String> env(Manifests m, ModuleFacts s) {
    Container c = container(m, s);
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : c.getEnvFrom()) {
      ConfigMap cm = m.named(ConfigMap.class, from.getConfigMapRef().getName());
      env.putAll(cm.getData());
    }
    for (EnvVar v : c.getEnv()) {
      env.put(v.getName(), v.getValue() != null ? v.getValue() : "<from " + v.getValueFrom() + ">");
    }
    return env;
  }

  private static void assertProbe(Probe probe, String path, Set<String> routes) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path).isIn(routes);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("ops");
  }

  /** The paths common's OpsHttpServer serves, read from its source. */
  static Set<String> opsRoutes() {
    String source =
        Repo.read(
            Repo.root()
                .resolve("common/src/main/java/dev/orderflow/common/ops/OpsHttpServer.java"));
    Matcher m = Pattern.compile("\"(/[a-z/]+)\", \\(\\) ->").matcher(source);
    Set<String> routes = new java.util.TreeSet<>();
    while (m.find()) {
      routes.add(m.group(1));
    }
    return routes;
  }

  /** Topic partitions from provisioning/pipeline.yaml. */
  static Map<String, Integer> partitions() {
    JsonNode pipeline =
        Repo.yamlDocuments(Repo.root().resolve("provisioning/pipeline.yaml")).getFirst();
    Map<String, Integer> out = new HashMap<>();
    pipeline
        .path("topics")
        .forEach(t -> out.put(t.get("name").asText(), t.get("partitions").asInt()));
    return out;
  }

  /** The senders' default delay tiers, from RetryConfig, as topic suffixes ("30s", "5m", "30m"). */
  static List<String> retryDelays() {
    String config =
        Repo.read(
            Repo.root()
                .resolve(
                    "sender-framework/src/main/java/dev/orderflow/sender/app/RetryConfig.java"));
    String list = Repo.firstGroup(config, "DEFAULT_DELAYS =\\s*List\\.of\\(((?:[^;])*)\\);");
    Matcher each =
        Pattern.compile("Duration\\.of(Seconds|Minutes|Hours)\\((\\d+)\\)").matcher(list);
    List<String> delays = new java.util.ArrayList<>();
    while (each.find()) {
      delays.add(each.group(2) + Character.toLowerCase(each.group(1).charAt(0)));
    }
    return delays;
  }

  static Path kubernetes() {
    return Repo.kubernetes();
  }
}
