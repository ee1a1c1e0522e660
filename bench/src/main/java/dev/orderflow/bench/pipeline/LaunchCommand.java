package dev.orderflow.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * How a service's JVM is started: its shaded jar ({@code <module>/target/*.jar} with a {@code
 * Main-Class}) when one is built, otherwise its {@code main} class on the given class path (the
 * test class path of a module that depends on the service).
 */
public record LaunchCommand(List<String> jvmAndTarget, String description) {

  /** Small heaps and the serial collector: four services and the broker share two cores. */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx384m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "--enable-native-access=ALL-UNNAMED");

  /**
   * Every service's logback.xml only includes common's format; naming a file that does the same
   * keeps a service from logging at DEBUG (logback's default) when its jar lacks one, or from
   * picking up a test's logback.xml on a shared class path.
   */
  private static final String LOGGING =
      """
      <configuration>
        <include resource="logback-orderflow.xml"/>
      </configuration>
      """;

  public static LaunchCommand of(ServiceKind kind, Path repositoryRoot, String fallbackClassPath) {
    return of(kind, repositoryRoot, fallbackClassPath, List.of());
  }

  /** {@link #of(ServiceKind, Path, String)} with these JVM options after ours. */
  public static LaunchCommand of(
      ServiceKind kind, Path repositoryRoot, String fallbackClassPath, List<String> jvmOptions) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(jvmOptions);
    command.add("-Dlogback.configurationFile=" + loggingConfig());
    Optional<Path> jar = shadedJar(repositoryRoot.resolve(kind.module()).resolve("target"));
    if (jar.isPresent()) {
      command.add("-jar");
      command.add(jar.get().toString());
      return new LaunchCommand(command, jar.get().toString());
    }
    command.add("-cp");
    command.add(fallbackClassPath);
    command.add(kind.mainClass());
    return new LaunchCommand(command, kind.mainClass() + " on the class path");
  }

  /** Whether a service can be started at all: a shaded jar, or its main class loadable here. */
  public static boolean available(ServiceKind kind, Path repositoryRoot) {
    if (shadedJar(repositoryRoot.resolve(kind.module()).resolve("target")).isPresent()) {
      return true;
    }
    try {
      Class.forName(kind.mainClass(), false, LaunchCommand.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static synchronized Path loggingConfig() {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "orderflow-service-logback.xml");
    try {
      if (!Files.exists(file)) {
        Path temporary = Files.createTempFile(file.getParent(), "orderflow-logback", ".xml");
        Files.writeString(temporary, LOGGING);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  static Optional<Path> shadedJar(Path target) {
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(p -> !p.getFileName().toString().startsWith("original-"))
          .filter(LaunchCommand::hasMainClass)
          // The shaded jar carries the dependencies: of the runnable jars it is the largest.
          .max(Comparator.comparingLong(LaunchCommand::size));
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + target, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean hasMainClass(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest() != null
          && file.getManifest().getMainAttributes().getValue("Main-Class") != null;
    } catch (IOException e) {
      return false;
    }
  }
}
