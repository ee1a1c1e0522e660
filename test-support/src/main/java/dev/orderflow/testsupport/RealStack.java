package dev.orderflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test's methods a {@link TestStack} parameter: real Kafka, and the local stack's
 * registry, DynamoDB, Secrets Manager and Meta simulator. {@code kafka} pins where Kafka comes
 * from; left at AUTO, the {@code orderflow.test.kafka} system property or the environment decides
 * (see {@link KafkaMode}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StackExtension.class)
public @interface RealStack {
  KafkaMode kafka() default KafkaMode.AUTO;
}
