package dev.orderflow.common.contracts;

import dev.orderflow.common.serde.AvroSerdeConfig;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One subject a service depends on (TopicNameStrategy, {@code <topic>-value}): it writes records
 * with {@code schema} there, or reads the records written there with {@code schema}.
 */
public record Contract(String subject, Schema schema, Role role) {
  /** What the service does with the subject's records. */
  public enum Role {
    WRITES,
    READS
  }

  public Contract {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(role, "role");
  }

  public static Contract writes(String topic, Schema schema) {
    return new Contract(AvroSerdeConfig.valueSubject(topic), schema, Role.WRITES);
  }

  public static Contract reads(String topic, Schema schema) {
    return new Contract(AvroSerdeConfig.valueSubject(topic), schema, Role.READS);
  }
}
