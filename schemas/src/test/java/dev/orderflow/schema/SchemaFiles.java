package dev.orderflow.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/** The contracts as files: the current .avsc, their recorded history and the examples. */
final class SchemaFiles {
  static final Path CURRENT = Path.of("src/main/avro");
  static final Path HISTORY = Path.of("history");
  static final Path EXAMPLES = Path.of("examples");
  static final Path JSON_SCHEMAS = Path.of("src/main/resources/json");

  /** Named types other schemas refer to; parsed first, like the avro-maven-plugin's imports. */
  private static final List<String> SHARED_TYPES = List.of("LineItem.avsc");

  private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

  private SchemaFiles() {}

  /** Every current schema by record name, in file-name order. */
  static Map<String, Schema> current() {
    Schema.Parser parser = new Schema.Parser();
    Map<String, Schema> byName = new LinkedHashMap<>();
    for (String shared : SHARED_TYPES) {
      put(byName, parse(parser, CURRENT.resolve(shared)));
    }
    for (Path file : list(CURRENT, ".avsc")) {
      if (!SHARED_TYPES.contains(file.getFileName().toString())) {
        put(byName, parse(parser, file));
      }
    }
    return byName;
  }

  /** The recorded earlier versions of one schema, by version number; empty when there are none. */
  static SortedMap<Integer, Schema> history(String recordName) {
    SortedMap<Integer, Schema> versions = new TreeMap<>();
    Path dir = HISTORY.resolve(recordName);
    if (!Files.isDirectory(dir)) {
      return versions;
    }
    for (Path file : list(dir, ".avsc")) {
      Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
      if (!matcher.matches()) {
        throw new IllegalStateException(file + " is not named v<N>.avsc");
      }
      versions.put(Integer.parseInt(matcher.group(1)), parse(new Schema.Parser(), file));
    }
    return versions;
  }

  /**
   * The schema as the .avsc spells it: the generator (stringType=String) marks every string with
   * avro.java.string, a Java-only hint that is not part of the contract.
   */
  static Schema withoutJavaStringHints(Schema generated) {
    String json =
        generated
            .toString()
            .replace("{\"type\":\"string\",\"avro.java.string\":\"String\"}", "\"string\"");
    return new Schema.Parser().parse(json);
  }

  static Schema parse(Schema.Parser parser, Path file) {
    try {
      return parser.parse(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return new ArrayList<>(
          files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(Map<String, Schema> byName, Schema schema) {
    byName.put(schema.getName(), schema);
  }
}
