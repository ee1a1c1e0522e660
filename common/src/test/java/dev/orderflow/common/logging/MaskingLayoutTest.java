package dev.orderflow.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logs through the shipped logback-orderflow.xml and reads the bytes it writes. */
class MaskingLayoutTest {
  private static final String TOKEN = "EAAGm0PX4ZCpsBA1b2c3d4e5f6g7h8i9j0";
  private static final String PHONE = "+2348012345678";

  private ShippedLog log;
  private org.slf4j.Logger logger;

  @BeforeEach
  void configure() throws Exception {
    log = new ShippedLog();
    logger = log.logger("dev.orderflow.whatsapp.Sender");
  }

  @AfterEach
  void stop() {
    log.close();
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
    return log.output();
  }
}
