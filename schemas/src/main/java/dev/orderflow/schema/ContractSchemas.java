package dev.orderflow.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * The current contracts as this jar ships them ({@code src/main/avro/*.avsc}, packaged under {@code
 * avro/}), parsed together so that one file may use a type another defines ({@code LineItem}). This
 * is what provisioning registers: the files, not a copy of them, so a new contract needs only its
 * .avsc. The directory is listed from the jar (or {@code target/classes}) this class was loaded
 * from, because a class path cannot be listed portably.
 */
public final class ContractSchemas {
  private static final String DIRECTORY = "avro";
  private static final String SUFFIX = ".avsc";

  private ContractSchemas() {}

  /** Every current contract by file name ({@code OrderCreated.avsc}), named types resolved. */
  public static Map<String, Schema> all() {
    try {
      URI location =
          ContractSchemas.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      Path root = Path.of(location);
      if (Files.isDirectory(root)) {
        return parse(root.resolve(DIRECTORY));
      }
      try (FileSystem jar = FileSystems.newFileSystem(root)) {
        return parse(jar.getPath(DIRECTORY));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the contract schemas", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the contract schemas", e);
    }
  }

  /** One contract by file name; fails naming the files there are when it is not one of them. */
  public static Schema named(String fileName) {
    Map<String, Schema> all = all();
    Schema schema = all.get(fileName);
    if (schema == null) {
      throw new IllegalArgumentException(
          "no contract schema " + fileName + "; the schemas module has " + all.keySet());
    }
    return schema;
  }

  private static Map<String, Schema> parse(Path directory) throws IOException {
    SchemaParser parser = new SchemaParser();
    Map<String, SchemaParser.ParseResult> parsed = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(ContractSchemas::isSchemaFile).sorted().toList()) {
        parsed.put(
            file.getFileName().toString(),
            parser.parse(Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    // Resolved only once every file is parsed: a reference may point to a later file.
    Map<String, Schema> schemas = new TreeMap<>();
    parsed.forEach((name, result) -> schemas.put(name, parser.resolve(result)));
    return schemas;
  }

  private static boolean isSchemaFile(Path file) {
    return Files.isRegularFile(file) && file.getFileName().toString().endsWith(SUFFIX);
  }
}
