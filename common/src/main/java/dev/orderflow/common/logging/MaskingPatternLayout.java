package dev.orderflow.common.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A {@link PatternLayout} whose whole output (message, MDC, exception messages and stack traces)
 * passes through the masking rules of {@link Redact#text}, so no phone number or token reaches the
 * log whichever field it hides in.
 */
public class MaskingPatternLayout extends PatternLayout {
  @Override
  public String doLayout(ILoggingEvent event) {
    return Masking.mask(super.doLayout(event));
  }
}
