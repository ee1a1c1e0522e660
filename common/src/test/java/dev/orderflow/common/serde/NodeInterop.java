package dev.orderflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs src/test/node/interop.js, the Confluent-format client the project did not write. Node is a
 * requirement of the build, like the JDK: a missing one fails the test rather than skipping it.
 */
final class NodeInterop {
  static final Path DIR = Path.of("src/test/node").toAbsolutePath();
  private static final Path LOGS = Path.of("target/interop").toAbsolutePath();
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

  private NodeInterop() {}

  /** Installs the pinned packages from package-lock.json when node_modules is missing. */
  static void ensureInstalled() throws IOException, InterruptedException {
    run("node-version", Duration.ofSeconds(30), "node", "--version");
    if (!Files.exists(DIR.resolve("node_modules/.package-lock.json"))) {
      run("npm-ci", INSTALL_TIMEOUT, "npm", "ci", "--no-audit", "--no-fund");
    }
  }

  /** Runs interop.js with the arguments; fails the test with its stderr unless it exits 0. */
  static void script(String name, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", DIR.resolve("interop.js").toString()));
    command.addAll(List.of(args));
    run(name, RUN_TIMEOUT, command.toArray(String[]::new));
  }

  private static void run(String name, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Files.createDirectories(LOGS);
    Path out = LOGS.resolve(name + ".out");
    Path err = LOGS.resolve(name + ".err");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(DIR.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          command[0] + " is required for the Confluent interop test but cannot run: " + e, e);
    }
    boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(finished)
        .as("%s finished within %s; stderr: %s", String.join(" ", command), timeout, tail(err))
        .isTrue();
    assertThat(process.exitValue())
        .as("exit code of %s; stderr: %s", String.join(" ", command), tail(err))
        .isZero();
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file);
    return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
  }
}
