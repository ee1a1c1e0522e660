package dev.orderflow.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A module's shaded jar, run with {@code java -jar} as its Dockerfile runs it. */
public record ShadedJar(Path path) {
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

  /** How a run ended: its exit code and everything it wrote to stdout and stderr. */
  public record Exit(int code, String output) {}

  /** {@code target/<module>.jar} of the module whose tests run. */
  public static ShadedJar of(String module) {
    return new ShadedJar(Path.of("target", module + ".jar"));
  }

  /**
   * Runs the jar with these environment variables added until it exits by itself.
   *
   * @throws AssertionError when the jar is not built, or still runs after 60 s (then killed)
   */
  public Exit runUntilExit(Map<String, String> environment)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(path)) {
      throw new AssertionError(path + " is not built: `./mvnw package` makes it");
    }
    ProcessBuilder java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                path.toString())
            .redirectErrorStream(true);
    // To a file, not a pipe: reading a pipe would wait for an exit that may never come.
    Path output = Files.createTempFile("shaded-jar-", ".log");
    java.redirectOutput(output.toFile());
    java.environment().putAll(environment);
    Process process = java.start();
    if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          path + " did not exit by itself in " + EXIT_TIMEOUT + ":\n" + Files.readString(output));
    }
    String written = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    return new Exit(process.exitValue(), written);
  }
}
