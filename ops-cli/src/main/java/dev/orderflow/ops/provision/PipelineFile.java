package dev.orderflow.ops.provision;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the pipeline file; unknown keys are errors so that a typo is never silently ignored. */
public final class PipelineFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PipelineFile() {}

  public static PipelineSpec read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidSpecException("pipeline file " + file + " does not exist");
    }
    try {
      return YAML.readValue(file.toFile(), PipelineSpec.class);
    } catch (JsonMappingException e) {
      throw new InvalidSpecException(file + ": " + reason(e), e);
    } catch (IOException e) {
      throw new InvalidSpecException(file + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  private static String reason(JsonMappingException e) {
    // A record's own validation failure arrives wrapped; its message already names the key.
    if (e.getCause() instanceof InvalidSpecException invalid) {
      return invalid.getMessage();
    }
    return "at " + e.getPathReference() + ": " + e.getOriginalMessage();
  }
}
