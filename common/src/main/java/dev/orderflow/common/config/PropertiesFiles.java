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
import java.util.Optional;
import java.util.Properties;

/** Finds and reads the properties files behind a {@link ConfigSource}. */
final class PropertiesFiles {
  private PropertiesFiles() {}

  /** The file named by {@code --config <path>}, {@code --config=<path>} or the variable. */
  static Optional<Path> named(String[] args, Map<String, String> env) {
    if (args.length == 1 && args[0].startsWith("--config=")) {
      return Optional.of(Path.of(args[0].substring("--config=".length())));
    }
    if (args.length == 2 && args[0].equals("--config")) {
      return Optional.of(Path.of(args[1]));
    }
    if (args.length > 0) {
      throw new ConfigException("arguments", "--config <file> or none", String.join(" ", args));
    }
    String fromEnv = env.get(ConfigSource.CONFIG_FILE_ENV);
    return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnv));
  }

  static Map<String, String> read(Path path) {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return toMap(reader);
    } catch (IOException e) {
      throw new ConfigException("--config", "a readable properties file", path.toString());
    }
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
