package dev.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Prometheus' own checker and rule unit tests ({@code promtool}, Debian package {@code prometheus},
 * installed by .ci/run). Without promtool on PATH this class is reported as skipped on its own
 * (MetricNamesTest still checks the rules' metric names), except under CI ({@code CI=true}), where
 * .ci/run installs it: there its absence fails the tests instead of skipping them.
 */
@EnabledIf(
    value = "promtoolOnPath",
    disabledReason = "promtool is not on PATH (apt-get install prometheus)")
class PromtoolRulesTest {

  static boolean promtoolOnPath() {
    return "true".equals(System.getenv("CI"))
        || Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool")));
  }

  @Test
  void rulesAreValid() throws Exception {
    String out = promtool("check", "rules", MetricNamesTest.rulesFile().toString());
    assertThat(out).contains("SUCCESS");
  }

  @Test
  void ruleUnitTestsPass() throws Exception {
    Path tests = Repo.root().resolve("deploy/prometheus/tests/orderflow-rules.test.yaml");
    String out = promtool("test", "rules", tests.toString());
    assertThat(out).contains("SUCCESS");
  }

  private static String promtool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
    return out;
  }
}
