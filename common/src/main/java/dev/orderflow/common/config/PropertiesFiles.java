package dev.orderflow.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Finds and reads the properties files behind a {@link ConfigSource}. */
final class PropertiesFiles {
  private PropertiesFiles() {}

  static Map<String, String> read(Path path) {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return toMap(reader);
    } catch (IOException e) {
      throw new ConfigException("--config", "a readable properties file", path.toString());
    }
  }

  /**
   * {@code <base>-<profile>.properties} beside {@code <base>.properties}; a profile without its
   * file is a mistake (a typo would otherwise run with no profile at all).
   */
  static Map<String, String> profile(String defaultsResource, String profile) {
    String base =
        defaultsResource == null ? "" : defaultsResource.replaceFirst("\\.properties$", "");
    String resource = base + "-" + profile + ".properties";
    if (defaultsResource == null
        || PropertiesFiles.class.getClassLoader().getResource(resource) == null) {
      throw new ConfigException(
          ConfigSource.PROFILE_ENV,
          "a profile with " + resource + " on the class path (such as local)",
          profile);
    }
    return classpath(resource);
  }

  static Map<String, String> classpath(String resource) {
    if (resource == null) {
      return Map.of();
    }
    try (InputStream in = PropertiesFiles.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Map.of() : toMap(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(resource, "a readable classpath resource", resource);
    }
  }

  private static Map<String, String> toMap(Reader reader) throws IOException {
    Properties props = new Properties();
    props.load(reader);
    Map<String, String> map = new HashMap<>();
    props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
    return map;
  }
}
