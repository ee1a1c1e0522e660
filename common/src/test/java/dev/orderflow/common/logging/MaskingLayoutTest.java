package dev.orderflow.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Logs through the shipped logback-orderflow.xml and reads the bytes it writes. */
class MaskingLayoutTest {
  private static final String TOKEN = "EAAGm0PX4ZCpsBA1b2c3d4e5f6g7h8i9j0";
  private static final String PHONE = "+2348012345678";

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Logger logger;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void configure() throws Exception {
    // A fresh context shares SLF4J's MDC, where CorrelationIds puts the id.
    context.setMDCAdapter(MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getClassLoader().getResource("logback-masking-test.xml"));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    var console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("ORDERFLOW_STDOUT");
    root.detachAppender(console);
    // Same encoder and layout as shipped, writing to memory instead of stdout.
    OutputStreamAppender<ILoggingEvent> memory = new OutputStreamAppender<>();
    memory.setContext(context);
    memory.setEncoder(console.getEncoder());
    memory.setOutputStream(out);
    memory.start();
    root.addAppender(memory);
    logger = context.getLogger("dev.orderflow.whatsapp.Sender");
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void phoneNumberAndTokenInTheMessageAreMasked() {
    logger.info("sending to phone={} with token {}", PHONE, TOKEN);

    assertThat(output())
        .contains("phone=+234********78 with token EAA****")
        .doesNotContain("8012345678", "Gm0PX4");
  }

  @Test
  void exceptionMessagesAndCausesAreMasked() {
    Exception failure =
        new IllegalStateException(
            "Graph call failed: Authorization: Bearer " + TOKEN,
            new IOException("POST ?access_token=" + TOKEN + " body {\"to\":\"2348012345678\"}"));

    logger.warn("send failed", failure);

    assertThat(output())
        .contains("java.lang.IllegalStateException: Graph call failed: Authorization: Bearer ****")
        .contains(
            "Caused by: java.io.IOException: POST ?access_token=**** body {\"to\":\"234********78\"}")
        .contains("\tat dev.orderflow.common.logging.MaskingLayoutTest")
        .doesNotContain("Gm0PX4", "8012345678");
  }

  @Test
  void lineIsKeyValueWithCorrelationIdAndAQuotedOneLineMessage() {
    CorrelationIds.Scope scope = CorrelationIds.inMdc("c-42");
    logger.info("vendor said \"hi\"\nlevel=FAKE");
    scope.close();

    assertThat(output())
        .startsWith("time=")
        .contains(" level=INFO service=")
        .contains(" logger=dev.orderflow.whatsapp.Sender ")
        .contains(" cid=c-42 ")
        .endsWith(" msg=\"vendor said \\\"hi\\\"\\nlevel=FAKE\"" + System.lineSeparator());
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
