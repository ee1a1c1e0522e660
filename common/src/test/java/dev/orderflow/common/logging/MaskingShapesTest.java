package dev.orderflow.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Every shape in which the pipeline's code can hand a phone number or a token to a logger, logged
 * through the shipped layout; then the whole output is searched for the test data.
 */
class MaskingShapesTest {
  private static final String PHONE_E164 = "+2348012345678";
  private static final String PHONE_BARE = "2348098765432";
  private static final String PHONE_UK = "447911123456";
  private static final String META_TOKEN = "EAAGm0PX4ZCpsBA1b2c3d4e5f6g7h8i9j0";
  private static final String LOCAL_TOKEN = "dev-whatsapp-token";
  private static final String REGISTRY_SECRET = "regS3cret";

  /** What must never appear: each number's national part, each token's body. */
  private static final List<String> TEST_DATA =
      List.of("8012345678", "8098765432", "7911123456", "Gm0PX4ZC", LOCAL_TOKEN, REGISTRY_SECRET);

  private ShippedLog log;
  private Logger logger;

  @BeforeEach
  void configure() throws Exception {
    log = new ShippedLog();
    logger = log.logger("dev.orderflow.sender.delivery.Delivery");
  }

  @AfterEach
  void stop() {
    log.close();
  }

  @Test
  void graphRequestResponseAndErrorBodiesLoseTheirNumbersAndTokens() {
    logger.info("shape=request body={}", whatsAppRequest());
    logger.info(
        "shape=response body={}",
        "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\""
            + PHONE_E164
            + "\",\"wa_id\":\""
            + PHONE_BARE
            + "\"}],\"messages\":[{\"id\":\"wamid.HBgM\"}]}");
    logger.warn(
        "shape=graph-error status=400 body={}",
        "{\"error\":{\"message\":\"(#131026) Message undeliverable\",\"code\":131026,"
            + "\"error_data\":{\"details\":\"recipient: "
            + PHONE_UK
            + "\"},\"fbtrace_id\":\"Az1\"}}");
    logger.warn(
        "shape=graph-call url={}",
        "https://graph.facebook.com/v23.0/100000000000001/messages?access_token=" + LOCAL_TOKEN);
    logger.warn(
        "shape=escaped-json body={}",
        "{\"payload\":\"{\\\"to\\\":\\\""
            + PHONE_BARE
            + "\\\",\\\"Authorization\\\":\\\"Bearer "
            + META_TOKEN
            + "\\\"}\"}");
    logger.warn(
        "shape=graph-exception",
        new IllegalStateException(
            "Graph answered 400: " + whatsAppRequest(),
            new IOException("POST with Authorization: Bearer " + LOCAL_TOKEN)));

    assertMasked(6);
    assertThat(log.output()).contains("\\\"to\\\":\\\"234********32\\\"", "access_token=****");
  }

  @Test
  void awsSdkExceptionsLoseTheItemsAndSecretsTheyQuote() {
    Map<String, AttributeValue> item =
        Map.of(
            "notificationId", AttributeValue.fromS("vendor-17:A-1:whatsapp"),
            "recipient", AttributeValue.fromS(PHONE_BARE),
            "to", AttributeValue.fromS(PHONE_E164));
    logger.warn(
        "shape=dynamo-condition",
        ConditionalCheckFailedException.builder()
            .message("The conditional request failed; item " + item)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ConditionalCheck").build())
            .build());
    logger.warn(
        "shape=dynamo-json",
        ConditionalCheckFailedException.builder()
            .message("Item: {\"recipient\":{\"S\":\"" + PHONE_UK + "\"}}")
            .build());
    logger.error(
        "shape=secret",
        SecretsManagerException.builder()
            .message(
                "Unable to unmarshall {\"SecretString\":\"{\\\"whatsappToken\\\":\\\""
                    + LOCAL_TOKEN
                    + "\\\",\\\"instagramToken\\\":\\\""
                    + META_TOKEN
                    + "\\\"}\"}")
            .build());

    assertMasked(3);
  }

  @Test
  void recordDumpsLoseTheRecipient() {
    logger.info("shape=avro-specific notification={}", notification(PHONE_E164));
    GenericRecord generic = new GenericData.Record(recipientSchema());
    generic.put("recipient", PHONE_BARE);
    generic.put("phoneNumber", PHONE_UK);
    logger.info("shape=avro-generic record={}", generic);
    logger.info(
        "shape=consumer-record record={}",
        new ConsumerRecord<>("notify.whatsapp.v1", 0, 17L, "buyer-1", whatsAppRequest()));
    logger.info("shape=map fields={}", Map.of("recipient", PHONE_BARE, "msisdn", PHONE_UK));

    assertMasked(4);
    assertThat(log.output()).contains("+234********78");
  }

  @Test
  void urlCredentialsAreMaskedInMessagesAndErrors() {
    String url = "https://api-key:" + REGISTRY_SECRET + "@registry.example/apis/ccompat/v7";
    logger.info("shape=registry-url url={}", url);
    logger.error("shape=registry-error", new IllegalStateException("GET " + url + "/subjects"));

    assertMasked(2);
    assertThat(log.output()).contains("url=https://****@registry.example/apis/ccompat/v7");
  }

  /** Each shape produced its line, and none of the test data survived. */
  private void assertMasked(int shapes) {
    String output = log.output();
    assertThat(output.lines().filter(line -> line.contains("shape=")).count()).isEqualTo(shapes);
    assertThat(output).doesNotContain(TEST_DATA);
  }

  private static String whatsAppRequest() {
    return "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\""
        + PHONE_BARE
        + "\",\"type\":\"template\",\"template\":{\"name\":\"order_confirmation\"}}";
  }

  private static NotificationRequested notification(String recipient) {
    return NotificationRequested.newBuilder()
        .setNotificationId("vendor-17:A-1:whatsapp")
        .setOrderId("vendor-17:A-1")
        .setBuyerId("buyer-1")
        .setPlatform(Platform.WHATSAPP)
        .setRecipient(recipient)
        .setLocale("en-NG")
        .setCurrency("NGN")
        .setTotalMinor(138_000_000L)
        .setText("Your order")
        .setTemplate(null)
        .setCorrelationId("corr-1")
        .setRequestedAt(Instant.parse("2026-11-26T06:00:00Z"))
        .build();
  }

  private static org.apache.avro.Schema recipientSchema() {
    return SchemaBuilder.record("Contact")
        .fields()
        .requiredString("recipient")
        .requiredString("phoneNumber")
        .endRecord();
  }
}
