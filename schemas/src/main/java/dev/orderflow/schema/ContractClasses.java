package dev.orderflow.schema;

import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro 1.12 instantiate the generated contract classes by name. Avro now refuses any class it
 * was not told to trust, and it looks classes up by name in {@code OrderCreated.newBuilder(other)},
 * {@code SpecificData.deepCopy} and {@code SpecificData.getForSchema}: without this, those throw
 * SecurityException ("Forbidden dev.orderflow.schema.LineItem!"). The trust lives in a JVM-wide
 * predicate because that is the only hook Avro offers (the alternative is the system property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES=dev.orderflow.schema} on every JVM's command line).
 * The common module's deserializer does not need it: it resolves its classes itself.
 */
public final class ContractClasses {
  private static final String PACKAGE = ContractClasses.class.getPackageName();
  private static boolean trusted;

  private ContractClasses() {}

  /** Adds the generated records and enums of this package to Avro's trusted classes; idempotent. */
  public static synchronized void trustForAvro() {
    if (trusted) {
      return;
    }
    ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(previous, ContractClasses::isContractClass));
    trusted = true;
  }

  static boolean isContractClass(Class<?> type) {
    return type.getPackageName().equals(PACKAGE)
        && (SpecificRecord.class.isAssignableFrom(type) || type.isEnum());
  }
}
