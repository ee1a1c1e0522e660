package dev.orderflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's files as the tests read them: manifests, module resources and sources. */
final class Repo {
  static final YAMLMapper YAML = new YAMLMapper();
  static final ObjectMapper JSON = new ObjectMapper();

  private Repo() {}

  /** The repository root: the deploy module's parent directory. */
  static Path root() {
    Path here = Path.of("").toAbsolutePath();
    Path root = here.getFileName().toString().equals("deploy") ? here.getParent() : here;
    if (!Files.isRegularFile(root.resolve("provisioning/pipeline.yaml"))) {
      throw new IllegalStateException("not the orderflow repository: " + root);
    }
    return root;
  }

  static Path kubernetes() {
    return root().resolve("deploy/kubernetes");
  }

  /** The version the build gives (surefire's orderflow.version), else the parent pom's. */
  static String projectVersion() {
    String fromBuild = System.getProperty("orderflow.version");
    if (fromBuild != null && !fromBuild.isBlank()) {
      return fromBuild;
    }
    return firstGroup(read(root().resolve("pom.xml")), "<version>([^<]+)</version>");
  }

  /** A module's artifactId, from its pom (the one after the parent block). */
  static String artifactId(String module) {
    String pom = read(root().resolve(module).resolve("pom.xml"));
    String afterParent = pom.substring(pom.indexOf("</parent>"));
    return firstGroup(afterParent, "<artifactId>([^<]+)</artifactId>");
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode jsonFile(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  static Properties properties(Path file) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props;
  }

  /** Every document of a (multi-document) YAML file; empty documents dropped. */
  static List<JsonNode> yamlDocuments(Path file) {
    List<JsonNode> docs = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
    return docs;
  }

  /** The text of every main Java source of a module. */
  static String mainSources(String module) {
    Path dir = root().resolve(module).resolve("src/main/java");
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .forEach(f -> all.append(read(f)).append('\n'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toString();
  }

  static String firstGroup(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new AssertionError("pattern " + regex + " not found");
    }
    return m.group(1);
  }
}
