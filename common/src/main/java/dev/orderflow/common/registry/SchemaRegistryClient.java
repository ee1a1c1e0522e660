package dev.orderflow.common.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistry} over HTTP (OkHttp), for Confluent's registry and Apicurio's ccompat API.
 * Thread-safe; share one per process. Schemas by id are cached for good (an id never changes
 * meaning), and so are ids per subject and schema (a registered version is never re-numbered);
 * latest versions and compatibility answers are always asked afresh.
 */
public final class SchemaRegistryClient implements SchemaRegistry, AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(SchemaRegistryClient.class);
  private static final int CACHE_CAPACITY = 10_000;

  private final RegistryHttp http;
  private final Cache<Integer, Schema> schemasById = cache();
  private final Cache<SubjectSchema, Integer> idsBySubjectSchema = cache();

  public SchemaRegistryClient(RegistryClientConfig config) {
    this.http = new RegistryHttp(config);
  }

  public SchemaRegistryClient(String baseUrl) {
    this(RegistryClientConfig.of(baseUrl));
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubjectSchema.get(
        new SubjectSchema(subject, schema),
        key -> {
          int id = http.post(body(schema), "subjects", subject, "versions").requiredInt("id");
          schemasById.put(id, schema);
          LOGGER.info(
              "registered schema subject={} id={} name={}", subject, id, schema.getFullName());
          return id;
        });
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.get(
        id, key -> http.get("schemas", "ids", Integer.toString(id)).avroSchema());
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return idsBySubjectSchema.get(
        new SubjectSchema(subject, schema),
        key -> http.post(body(schema), "subjects", subject).requiredInt("id"));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return http.get("subjects", subject, "versions", "latest").registered(subject);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      return http.post(body(schema), "compatibility", "subjects", subject, "versions", "latest")
          .body()
          .path("is_compatible")
          .asBoolean(false);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
        return true; // nothing registered yet, so nothing to be incompatible with
      }
      throw e;
    }
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    http.put(Map.of("compatibility", level.name()), "config", subject);
    LOGGER.info("set compatibility subject={} level={}", subject, level);
  }

  @Override
  public void close() {
    http.close();
  }

  private static Map<String, String> body(Schema schema) {
    return Map.of("schema", schema.toString(), "schemaType", "AVRO");
  }

  private static <K, V> Cache<K, V> cache() {
    return Caffeine.newBuilder().maximumSize(CACHE_CAPACITY).build();
  }

  private record SubjectSchema(String subject, Schema schema) {}
}
