package dev.orderflow.common.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.MDC;

/**
 * The shipped logback-orderflow.xml, configured in a context of its own, writing through its own
 * encoder and layout to memory instead of stdout.
 */
final class ShippedLog implements AutoCloseable {
  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @SuppressWarnings("unchecked")
  ShippedLog() throws JoranException {
    // A fresh context shares SLF4J's MDC, where CorrelationIds puts the id.
    context.setMDCAdapter(MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getClassLoader().getResource("logback-masking-test.xml"));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    var console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("ORDERFLOW_STDOUT");
    root.detachAppender(console);
    OutputStreamAppender<ILoggingEvent> memory = new OutputStreamAppender<>();
    memory.setContext(context);
    memory.setEncoder(console.getEncoder());
    memory.setOutputStream(out);
    memory.start();
    root.addAppender(memory);
  }

  org.slf4j.Logger logger(String name) {
    return context.getLogger(name);
  }

  String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    context.stop();
  }
}
