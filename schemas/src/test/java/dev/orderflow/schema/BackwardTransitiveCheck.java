package dev.orderflow.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * BACKWARD_TRANSITIVE as the registry defines it: the new schema, as reader, must read data written
 * with every earlier version. Avro's own SchemaCompatibility does the resolution check, so the
 * build and the registry agree on what "compatible" means.
 */
final class BackwardTransitiveCheck {
  private BackwardTransitiveCheck() {}

  /** One line per incompatibility, naming schema, version, location and reason; empty when none. */
  static List<String> violations(
      String name, Schema candidate, SortedMap<Integer, Schema> earlier) {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<Integer, Schema> version : earlier.entrySet()) {
      SchemaPairCompatibility result =
          SchemaCompatibility.checkReaderWriterCompatibility(candidate, version.getValue());
      if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
        continue;
      }
      for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
        violations.add(describe(name, version.getKey(), incompatibility));
      }
    }
    return violations;
  }

  private static String describe(String name, int version, Incompatibility incompatibility) {
    return "%s cannot read data written with history/%s/v%d.avsc: %s at %s (%s)"
        .formatted(
            name,
            name,
            version,
            incompatibility.getType(),
            incompatibility.getLocation(),
            incompatibility.getMessage());
  }
}
