package dev.orderflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomize directory in plain Java, for machines without kubectl: the subset of
 * Kustomize these manifests use (resources, namespace, labels, images, strategic-merge patches by
 * kind and name, lists of named items merged by name). Any other kustomization field fails the
 * render rather than being ignored, and {@code KubectlKustomizeTest} checks that the result equals
 * {@code kubectl kustomize} where kubectl is installed.
 */
final class Kustomize {
  private static final Set<String> SUPPORTED =
      Set.of("apiVersion", "kind", "namespace", "resources", "labels", "images", "patches");

  private Kustomize() {}

  static List<ObjectNode> render(Path dir) {
    JsonNode k = Repo.yamlDocuments(dir.resolve("kustomization.yaml")).getFirst();
    k.fieldNames()
        .forEachRemaining(
            f -> {
              if (!SUPPORTED.contains(f)) {
                throw new IllegalStateException(dir + ": kustomization field not supported: " + f);
              }
            });
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode r : k.path("resources")) {
      Path p = dir.resolve(r.asText()).normalize();
      if (Files.isDirectory(p)) {
        out.addAll(render(p));
      } else {
        Repo.yamlDocuments(p).forEach(d -> out.add((ObjectNode) d));
      }
    }
    for (JsonNode patchRef : k.path("patches")) {
      if (patchRef.size() != 1 || !patchRef.has("path")) {
        throw new IllegalStateException(dir + ": only 'patches: - path: <file>' is supported");
      }
      for (JsonNode patch : Repo.yamlDocuments(dir.resolve(patchRef.get("path").asText()))) {
        ObjectNode target = find(out, patch);
        merge(target, (ObjectNode) patch);
      }
    }
    for (JsonNode pair : k.path("labels")) {
      if (pair.size() != 1 || !pair.has("pairs")) {
        throw new IllegalStateException(dir + ": only 'labels: - pairs:' is supported");
      }
      for (ObjectNode res : out) {
        ObjectNode labels = ((ObjectNode) res.with("metadata")).with("labels");
        pair.get("pairs").properties().forEach(e -> labels.set(e.getKey(), e.getValue()));
      }
    }
    for (JsonNode image : k.path("images")) {
      out.forEach(res -> setImage(res, image));
    }
    if (k.has("namespace")) {
      out.forEach(res -> res.with("metadata").put("namespace", k.get("namespace").asText()));
    }
    return out;
  }

  static String id(JsonNode res) {
    return res.path("kind").asText() + "/" + res.path("metadata").path("name").asText();
  }

  private static ObjectNode find(List<ObjectNode> resources, JsonNode patch) {
    return resources.stream()
        .filter(r -> id(r).equals(id(patch)))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("patch matches no resource: " + id(patch)));
  }

  /** Strategic merge: maps merge, lists of named maps merge by name, anything else replaces. */
  static void merge(ObjectNode target, ObjectNode patch) {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode current = target.get(e.getKey());
      JsonNode value = e.getValue();
      if (value.isNull()) {
        target.remove(e.getKey());
      } else if (current instanceof ObjectNode c && value instanceof ObjectNode v) {
        merge(c, v);
      } else if (current instanceof ArrayNode c && value instanceof ArrayNode v && named(c, v)) {
        for (JsonNode item : v) {
          ObjectNode same = null;
          for (JsonNode existing : c) {
            if (existing.get("name").equals(item.get("name"))) {
              same = (ObjectNode) existing;
            }
          }
          if (same == null) {
            c.add(item);
          } else {
            merge(same, (ObjectNode) item);
          }
        }
      } else {
        target.set(e.getKey(), value);
      }
    }
  }

  private static boolean named(ArrayNode a, ArrayNode b) {
    for (ArrayNode list : List.of(a, b)) {
      for (JsonNode item : list) {
        if (!item.isObject() || !item.has("name")) {
          return false;
        }
      }
    }
    return true;
  }

  private static void setImage(ObjectNode res, JsonNode image) {
    JsonNode containers = res.path("spec").path("template").path("spec").path("containers");
    for (JsonNode c : containers) {
      String current = c.path("image").asText();
      String name = current.contains(":") ? current.substring(0, current.indexOf(':')) : current;
      if (name.equals(image.get("name").asText())) {
        String newName = image.has("newName") ? image.get("newName").asText() : name;
        String tag = image.has("newTag") ? ":" + image.get("newTag").asText() : "";
        ((ObjectNode) c).put("image", newName + tag);
      }
    }
  }
}
