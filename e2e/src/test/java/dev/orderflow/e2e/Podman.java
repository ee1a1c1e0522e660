package dev.orderflow.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * podman as the container tests run it: with the project's containers.conf (runc, cgroupfs, no
 * default ulimits; dev/containers/containers.conf), never a hand-edited /etc. The images follow
 * dev/lib/images.sh's convention: {@code localhost/orderflow/<artifactId>:<project version>}.
 */
final class Podman {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  private final Path repositoryRoot;

  private Podman(Path repositoryRoot) {
    this.repositoryRoot = repositoryRoot;
  }

  /**
   * podman, when installed. Missing under CI ({@code CI=true}) fails the test: CI installs it
   * (.ci/run), so its absence there is a broken CI, not a reason to skip. Elsewhere the test is
   * skipped with what to install.
   */
  static Podman required(Path repositoryRoot) {
    if (!onPath("podman")) {
      String message =
          "podman is not installed (apt-get install podman runc mmdebstrap uidmap; dev/README.md,"
              + " \"Containers on these machines\"); the container tests need it";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " and CI=true, where .ci/run installs it");
      }
      Assumptions.abort(message);
    }
    return new Podman(repositoryRoot);
  }

  static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** The project's version, which tags the images; the POM hands it to the tests. */
  static String projectVersion() {
    String version = System.getProperty("orderflow.project.version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException("orderflow.project.version is not set (e2e/pom.xml sets it)");
    }
    return version;
  }

  static String image(String module) {
    return "localhost/orderflow/" + module + ":" + projectVersion();
  }

  Path containersConf() {
    return repositoryRoot.resolve("dev/containers/containers.conf");
  }

  /** Builds the images that are missing (dev/images.sh, which caches the base). */
  void ensureImages(List<String> modules) {
    List<String> missing = new ArrayList<>();
    for (String module : modules) {
      if (run(List.of("image", "exists", image(module))).exitCode() != 0) {
        missing.add(module);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("bash", "dev/images.sh"));
    command.addAll(missing);
    Result built = exec(command, Duration.ofMinutes(8));
    if (built.exitCode() != 0) {
      fail("dev/images.sh " + missing + " failed:\n" + built.output());
    }
  }

  /** Runs {@code podman ARGS}; the output is stdout and stderr together. */
  Result run(List<String> args) {
    return run(args, COMMAND_TIMEOUT);
  }

  Result run(List<String> args, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add("podman");
    command.addAll(args);
    return exec(command, timeout);
  }

  /** Runs {@code podman ARGS} and fails the test, with its output, unless it exits 0. */
  String ok(List<String> args) {
    Result result = run(args);
    if (result.exitCode() != 0) {
      fail("podman " + String.join(" ", args) + " exited " + result.exitCode() + ":\n" + result);
    }
    return result.output().strip();
  }

  Result exec(List<String> command, Duration timeout) {
    try {
      Path out = Files.createTempFile("podman", ".out");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(repositoryRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("CONTAINERS_CONF", containersConf().toString());
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
          fail(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  record Result(int exitCode, String output) {
    @Override
    public String toString() {
      return output;
    }
  }
}
