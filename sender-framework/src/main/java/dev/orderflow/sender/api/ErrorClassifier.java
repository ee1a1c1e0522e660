package dev.orderflow.sender.api;

import dev.orderflow.common.kafka.ErrorClass;

/**
 * One platform's table from Graph error (code, subcode, then HTTP status) to an {@link ErrorClass}.
 */
public interface ErrorClassifier {
  ErrorClass classify(MetaError error);
}
