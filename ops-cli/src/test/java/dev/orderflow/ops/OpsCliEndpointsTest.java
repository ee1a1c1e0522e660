package dev.orderflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no address anywhere, every command stops before dialling anything, naming the variable. */
class OpsCliEndpointsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void dlqWithoutAnAddressIsAConfigurationErrorNamingTheVariable() {
    int exit = run("dlq", "list", "--limit", "1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("error: KAFKA_BOOTSTRAP_SERVERS is not set: pass --bootstrap-servers")
        .contains("add --local");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void provisionWithoutAnAddressIsAConfigurationErrorNamingTheVariable() {
    int exit =
        run(
            "provision",
            "--file",
            "../provisioning/pipeline.yaml",
            "--env",
            "local",
            "--dry-run",
            "--bootstrap-servers",
            "kafka.prod:9093");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: SCHEMA_REGISTRY_URL is not set");
  }

  @Test
  void provisionReadsACommandConfigLikeDlqDoes() {
    for (String command : new String[] {"provision", "dlq"}) {
      StringWriter errors = new StringWriter();
      String[] args =
          command.equals("provision")
              ? new String[] {
                "provision",
                "--file",
                "../provisioning/pipeline.yaml",
                "--env",
                "local",
                "--dry-run",
                "--command-config",
                "no-such-client.properties"
              }
              : new String[] {"dlq", "list", "--command-config", "no-such-client.properties"};

      int exit =
          OpsCli.commandLine(Map.of())
              .setOut(new PrintWriter(out, true))
              .setErr(new PrintWriter(errors, true))
              .execute(args);

      assertThat(exit).as(command).isEqualTo(2);
      assertThat(errors.toString())
          .as(command)
          .contains("--command-config no-such-client.properties: not a readable properties file");
    }
  }

  @Test
  void provisionNeverAssumesAnEnvironment() {
    int exit = run("provision", "--file", "../provisioning/pipeline.yaml", "--dry-run");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--env=<environment>'");
  }

  private int run(String... args) {
    return OpsCli.commandLine(Map.of())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
