package dev.orderflow.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Rendered manifests as fabric8's Kubernetes model objects. fabric8 keeps unknown fields in each
 * object's {@code additionalProperties} instead of failing, so {@link #strict} walks the parsed
 * tree and names every field the model did not know (a typo, a field of another API version).
 */
final class Manifests {
  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private static final Map<String, Class<?>> KINDS =
      Map.of(
          "v1/ConfigMap", ConfigMap.class,
          "v1/Service", Service.class,
          "v1/ServiceAccount", ServiceAccount.class,
          "apps/v1/Deployment", Deployment.class,
          "apps/v1/StatefulSet", StatefulSet.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
          "keda.sh/v1alpha1/ScaledObject", ScaledObject.class);

  final List<Object> all = new ArrayList<>();

  Manifests(List<ObjectNode> rendered) {
    for (ObjectNode doc : rendered) {
      String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
      Class<?> cls = KINDS.get(type);
      if (cls == null) {
        throw new AssertionError("no model for " + type + " (" + Kustomize.id(doc) + ")");
      }
      Object parsed;
      try {
        parsed = MAPPER.treeToValue(doc, cls);
      } catch (Exception e) {
        throw new AssertionError(Kustomize.id(doc) + " does not parse as " + cls.getName(), e);
      }
      List<String> unknown = new ArrayList<>();
      strict(parsed, Kustomize.id(doc), unknown);
      if (!unknown.isEmpty()) {
        throw new AssertionError("fields unknown to the Kubernetes model: " + unknown);
      }
      all.add(parsed);
    }
  }

  <T> List<T> of(Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T named(Class<T> type, String name) {
    return of(type).stream()
        .filter(r -> r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  ScaledObject scaledObject(String name) {
    return of(ScaledObject.class).stream()
        .filter(s -> s.metadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ScaledObject " + name));
  }

  /** Collects the path of every non-empty additionalProperties below {@code o}. */
  static void strict(Object o, String path, List<String> unknown) {
    if (o == null) {
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object item : c) {
        strict(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> strict(v, path + "." + k, unknown));
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || !m.getName().startsWith("get")
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = m.invoke(o);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (m.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          unknown.add(path + ": " + extra.keySet());
        }
      } else {
        strict(value, path + "." + m.getName().substring(3), unknown);
      }
    }
  }

  /**
   * KEDA's ScaledObject (keda.sh/v1alpha1), which fabric8 does not model: the fields these
   * manifests use, read strictly (an unknown field fails). The HPA behaviour is fabric8's.
   */
  record ScaledObject(
      String apiVersion,
      String kind,
      io.fabric8.kubernetes.api.model.ObjectMeta metadata,
      ScaledObjectSpec spec) {}

  record ScaledObjectSpec(
      ScaleTarget scaleTargetRef,
      int minReplicaCount,
      int maxReplicaCount,
      Integer pollingInterval,
      Integer cooldownPeriod,
      Advanced advanced,
      List<Trigger> triggers) {}

  record ScaleTarget(String apiVersion, String kind, String name) {}

  record Advanced(HpaConfig horizontalPodAutoscalerConfig) {}

  record HpaConfig(
      io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior behavior) {}

  record Trigger(String type, String name, Map<String, String> metadata) {}

  static JsonNode tree(Object o) {
    return MAPPER.valueToTree(o);
  }
}
