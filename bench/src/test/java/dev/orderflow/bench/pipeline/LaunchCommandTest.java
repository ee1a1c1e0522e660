package dev.orderflow.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchCommandTest {

  @Test
  void theLargestRunnableJarIsTheShadedOneAndRunsWithDashJar(@TempDir Path root) throws Exception {
    Path target = Files.createDirectories(root.resolve("order-ingest/target"));
    jar(target.resolve("original-order-ingest.jar"), false, 50_000);
    jar(target.resolve("order-ingest-thin.jar"), true, 0);
    jar(target.resolve("order-ingest.jar"), true, 20_000);

    LaunchCommand command = LaunchCommand.of(ServiceKind.ORDER_INGEST, root, "cp");

    assertThat(command.jvmAndTarget())
        .endsWith("-jar", target.resolve("order-ingest.jar").toString());
  }

  @Test
  void withoutAJarTheMainClassRunsOnTheGivenClassPath(@TempDir Path root) {
    LaunchCommand command = LaunchCommand.of(ServiceKind.NOTIFICATION_ROUTER, root, "a.jar:b.jar");

    assertThat(command.jvmAndTarget())
        .endsWith("-cp", "a.jar:b.jar", ServiceKind.NOTIFICATION_ROUTER.mainClass());
  }

  private static void jar(Path path, boolean withMain, int paddingBytes) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (withMain) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "x.Main");
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(path), manifest)) {
      out.putNextEntry(new java.util.jar.JarEntry("dependencies.bin"));
      byte[] padding = new byte[paddingBytes];
      new java.util.Random(1).nextBytes(padding);
      out.write(padding);
      out.closeEntry();
    }
  }
}
