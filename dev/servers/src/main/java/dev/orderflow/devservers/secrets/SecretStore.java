package dev.orderflow.devservers.secrets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The secrets, kept in memory and, when a file is given, written through to it on each change. */
final class SecretStore {
  private static final Logger LOGGER = LoggerFactory.getLogger(SecretStore.class);
  private static final TypeReference<Map<String, Secret>> FILE_TYPE = new TypeReference<>() {};

  private final Map<String, Secret> secrets = new TreeMap<>();
  private final ObjectMapper json;
  private final Optional<Path> file;

  SecretStore(ObjectMapper json, Optional<Path> file) {
    this.json = json;
    this.file = file;
    file.filter(Files::exists).ifPresent(this::load);
  }

  synchronized Secret find(String secretId) {
    Secret byName = secrets.get(secretId);
    if (byName != null) {
      return byName;
    }
    return secrets.values().stream()
        .filter(secret -> secret.arn().equals(secretId))
        .findFirst()
        .orElseThrow(AwsError::notFound);
  }

  synchronized Secret create(Secret secret) {
    if (secrets.containsKey(secret.name())) {
      throw AwsError.exists(
          "The operation failed because the secret " + secret.name() + " exists.");
    }
    return save(secret);
  }

  synchronized Secret replace(Secret secret) {
    return save(secret);
  }

  private Secret save(Secret secret) {
    secrets.put(secret.name(), secret);
    file.ifPresent(this::write);
    return secret;
  }

  private void load(Path path) {
    try {
      secrets.putAll(json.readValue(path.toFile(), FILE_TYPE));
      LOGGER.info("Loaded secrets file={} count={}", path, secrets.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read secrets file " + path, e);
    }
  }

  private void write(Path path) {
    try {
      Path temp = path.resolveSibling(path.getFileName() + ".tmp");
      json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), secrets);
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write secrets file " + path, e);
    }
  }
}
