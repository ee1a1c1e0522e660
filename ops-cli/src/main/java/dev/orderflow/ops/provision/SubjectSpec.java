package dev.orderflow.ops.provision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One registry subject: its own compatibility level and, optionally, the contract registered under
 * it, named by its file in schemas/src/main/avro ({@code OrderCreated.avsc}, shipped inside the
 * ops-cli jar). A bare level ({@code orders.created.v1-value: BACKWARD}) sets the level only.
 */
public record SubjectSpec(String compatibility, String schema) {

  @JsonCreator
  public SubjectSpec(
      @JsonProperty("compatibility") String compatibility, @JsonProperty("schema") String schema) {
    this.compatibility =
        Specs.oneOf(compatibility, RegistrySpec.LEVELS, "registry.subjects.*.compatibility");
    if (schema != null && !schema.endsWith(".avsc")) {
      throw new InvalidSpecException(
          "registry.subjects.*.schema: expected a file name of schemas/src/main/avro such as"
              + " OrderCreated.avsc, got "
              + schema);
    }
    this.schema = schema;
  }

  /** The shorthand {@code subject: LEVEL}. */
  @JsonCreator
  static SubjectSpec ofLevel(String compatibility) {
    return new SubjectSpec(compatibility, null);
  }
}
