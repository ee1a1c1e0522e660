package dev.orderflow.testsupport;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link TestStack} parameters. Each Kafka cluster (per {@link KafkaMode}) is started once
 * per JVM and kept in the root store, which closes it when the test run ends; each test's {@code
 * TestStack} lives in that test's store and closes its clients when the test ends.
 */
public final class StackExtension implements ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(StackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("stack", key -> newStack(context), TestStack.class);
  }

  private static TestStack newStack(ExtensionContext context) {
    Store root = context.getRoot().getStore(NAMESPACE);
    StackSettings settings =
        root.getOrComputeIfAbsent(
            StackSettings.class, key -> StackSettings.fromSystem(), StackSettings.class);
    KafkaMode mode =
        settings.kafkaMode(
            declaredMode(context.getRequiredTestClass()),
            () ->
                root.getOrComputeIfAbsent(
                    "docker", key -> KafkaClusters.dockerAvailable(), Boolean.class));
    KafkaCluster kafka =
        root.getOrComputeIfAbsent(
            "kafka-" + mode, key -> KafkaClusters.start(mode, settings), KafkaCluster.class);
    String method = context.getTestMethod().map(Method::getName).orElse("all");
    return new TestStack(kafka, settings, context.getRequiredTestClass().getSimpleName(), method);
  }

  /** The nearest {@link RealStack} on the class or an enclosing one ({@code @Nested} tests). */
  private static KafkaMode declaredMode(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      var found = AnnotationSupport.findAnnotation(c, RealStack.class);
      if (found.isPresent()) {
        return found.get().kafka();
      }
    }
    return KafkaMode.AUTO;
  }
}
