package dev.orderflow.common.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * SpecificData for one generated class that knows the classes of its named types up front. Avro
 * 1.12 loads classes by name only if a JVM-wide system property or global predicate trusts them;
 * the reader schema here is the generated class's own, so its record and enum names are exactly the
 * classes generated beside it, and no global setting is needed.
 */
final class GeneratedClassData extends SpecificData {
  private final Map<String, Class<?>> generated = new HashMap<>();

  GeneratedClassData(Class<?> type) {
    super(type.getClassLoader());
    // The class's own model carries its logical-type conversions (timestamp-millis → Instant).
    SpecificData.getForClass(type).getConversions().forEach(this::addLogicalTypeConversion);
    collect(getSchema(type), type.getClassLoader());
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class getClass(Schema schema) {
    Class<?> known = generated.get(schema.getFullName());
    return known != null ? known : super.getClass(schema);
  }

  private void collect(Schema schema, ClassLoader loader) {
    switch (schema.getType()) {
      case RECORD -> {
        if (register(schema, loader)) {
          schema.getFields().forEach(field -> collect(field.schema(), loader));
        }
      }
      case ENUM, FIXED -> register(schema, loader);
      case ARRAY -> collect(schema.getElementType(), loader);
      case MAP -> collect(schema.getValueType(), loader);
      case UNION -> schema.getTypes().forEach(branch -> collect(branch, loader));
      default -> {}
    }
  }

  private boolean register(Schema named, ClassLoader loader) {
    if (generated.containsKey(named.getFullName())) {
      return false;
    }
    try {
      generated.put(named.getFullName(), Class.forName(getClassName(named), false, loader));
      return true;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "generated class for " + named.getFullName() + " is missing from the classpath", e);
    }
  }
}
