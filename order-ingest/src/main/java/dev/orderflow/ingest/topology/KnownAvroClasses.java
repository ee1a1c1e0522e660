package dev.orderflow.ingest.topology;

import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmissionFormat;
import dev.orderflow.schema.SubmissionMetadata;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * A data model that maps OrderCreated's schemas to the generated classes directly, for the internal
 * envelope (common's serde does the same for registry-framed records). Avro 1.12 looks classes up
 * by name and refuses packages not listed in a system property; naming them here keeps the internal
 * envelope working without a JVM-wide setting.
 */
final class KnownAvroClasses extends SpecificData {
  static final KnownAvroClasses INSTANCE = new KnownAvroClasses();

  private static final Map<String, Class<?>> CLASSES =
      Map.of(
          OrderCreated.getClassSchema().getFullName(), OrderCreated.class,
          LineItem.getClassSchema().getFullName(), LineItem.class,
          SubmissionMetadata.getClassSchema().getFullName(), SubmissionMetadata.class,
          SubmissionFormat.getClassSchema().getFullName(), SubmissionFormat.class);

  private KnownAvroClasses() {
    super(KnownAvroClasses.class.getClassLoader());
    addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
  }

  @Override
  public Class<?> getClass(Schema schema) {
    Class<?> known = CLASSES.get(schema.getFullName());
    return known != null ? known : super.getClass(schema);
  }
}
