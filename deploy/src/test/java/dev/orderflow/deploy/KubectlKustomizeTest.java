package dev.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Kustomize ({@code kubectl kustomize}) renders every overlay exactly as {@link Kustomize}
 * does, so the always-running checks of {@link KubernetesManifestsTest} see what a cluster would
 * get. Needs kubectl on PATH; without it this class is reported as skipped (its own line in the
 * test report), the Java checks still run. Debian's kubectl (1.20) is too old for these
 * kustomizations, so CI installs none.
 */
@EnabledIf(value = "kubectlOnPath", disabledReason = "kubectl is not on PATH")
class KubectlKustomizeTest {

  static boolean kubectlOnPath() {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "autoscaling", "overlays/local", "overlays/prod"})
  void kubectlRendersWhatTheJavaRendererDoes(String dir) throws Exception {
    Path path = Repo.kubernetes().resolve(dir);
    Process p =
        new ProcessBuilder("kubectl", "kustomize", path.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl kustomize " + dir).isZero();
    Path rendered = Files.createTempFile("kustomize", ".yaml");
    try {
      Files.writeString(rendered, new String(out, StandardCharsets.UTF_8));
      Map<String, JsonNode> byKubectl = byId(Repo.yamlDocuments(rendered));
      Map<String, JsonNode> byJava = byId(List.copyOf(Kustomize.render(path)));
      assertThat(byJava.keySet()).isEqualTo(byKubectl.keySet());
      byKubectl.forEach((id, doc) -> assertThat(byJava.get(id)).as(dir + " " + id).isEqualTo(doc));
      // And it parses under the same strict model.
      new Manifests(byKubectl.values().stream().map(ObjectNode.class::cast).toList());
    } finally {
      try {
        Files.delete(rendered);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }

  private static Map<String, JsonNode> byId(List<? extends JsonNode> docs) {
    Map<String, JsonNode> out = new TreeMap<>();
    docs.forEach(d -> out.put(Kustomize.id(d), d));
    return out;
  }
}
