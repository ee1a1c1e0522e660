package dev.orderflow.common.serde;

import dev.orderflow.common.registry.SchemaRegistryException;
import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Why a record could not be written or read in the Confluent wire format. Kafka's consumer wraps it
 * in a RecordDeserializationException (look at the cause); {@link Kind#systemic()} tells a record
 * that is bad (dead-letter it) from a registry or deployment that is (pause and retry).
 */
public final class WireFormatException extends SerializationException {
  /** What was wrong. */
  public enum Kind {
    /** The serializer was called without a topic, so TopicNameStrategy has no subject. */
    MISSING_TOPIC(false),
    /** Empty, or shorter than the 5-byte header (magic byte and schema id). */
    TOO_SHORT(false),
    /** The first byte is not 0: not the Confluent format (JSON text, another serializer…). */
    WRONG_MAGIC_BYTE(false),
    /** The registry has no schema with the record's id. */
    UNKNOWN_SCHEMA_ID(false),
    /** The writer schema cannot be read as the reader's type, or the registry refused a schema. */
    INCOMPATIBLE_SCHEMA(false),
    /**
     * The Avro body does not decode with its writer schema (truncated, garbage, trailing bytes).
     */
    MALFORMED_PAYLOAD(false),
    /** The object to serialize does not fit its own schema (a null in a non-null field…). */
    INVALID_RECORD(false),
    /** Auto-registration is off and the schema was never registered under the subject. */
    SCHEMA_NOT_REGISTERED(true),
    /** The registry did not answer usefully: refused, timed out, 5xx, unauthorized. */
    REGISTRY_UNAVAILABLE(true);

    private final boolean systemic;

    Kind(boolean systemic) {
      this.systemic = systemic;
    }

    /** True when the record itself may be fine: pause and retry rather than dead-letter it. */
    public boolean systemic() {
      return systemic;
    }
  }

  private static final int NO_ID = -1;

  private final Kind kind;
  private final String topic;
  private final int schemaId;

  WireFormatException(
      Kind kind, String topic, OptionalInt schemaId, String detail, Throwable cause) {
    super(describe(kind, topic, schemaId, detail), cause);
    this.kind = kind;
    this.topic = topic;
    this.schemaId = schemaId.orElse(NO_ID);
  }

  WireFormatException(Kind kind, String topic, String detail) {
    this(kind, topic, OptionalInt.empty(), detail, null);
  }

  /**
   * True when {@code failure}, or any of its causes, says that the registry or the deployment is at
   * fault rather than the record: a {@link Kind#systemic() systemic} wire-format failure, or a
   * registry call that got no answer, a 5xx, a timeout or throttling. Such a record must wait (the
   * senders pause their channel, a Streams task stops and resumes from its commit); any other
   * failure, a registry refusal (no schema with that id) among them, is the record's own and goes
   * to a dead letter. Wrappers (Kafka's RecordDeserializationException, a StreamsException) are
   * looked through.
   */
  public static boolean isSystemic(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof WireFormatException wire) {
        return wire.kind().systemic();
      }
      if (t instanceof SchemaRegistryException registry && registry.isTransient()) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  public Kind kind() {
    return kind;
  }

  /** The topic the record was read from or written to; null when the caller gave none. */
  public String topic() {
    return topic;
  }

  /** The schema id the record named or was to carry, when one was known. */
  public OptionalInt schemaId() {
    return schemaId == NO_ID ? OptionalInt.empty() : OptionalInt.of(schemaId);
  }

  private static String describe(Kind kind, String topic, OptionalInt schemaId, String detail) {
    StringBuilder message =
        new StringBuilder(kind.name()).append(" (topic '").append(topic).append('\'');
    schemaId.ifPresent(id -> message.append(", schema id ").append(id));
    return message.append("): ").append(detail).toString();
  }
}
