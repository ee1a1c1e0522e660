package dev.orderflow.webhooks.parse;

import static dev.orderflow.webhooks.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotAWebhookTest {
  private final WebhookParser parser = new WebhookParser();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "call me on +2348031234567 | the body is not JSON (line 1, column 1)",
        "[1, 2] | the body is not a JSON object",
        "{\"entry\": []} | no \"object\" string",
        "{\"object\": \"instagram\", \"entry\": {}} | no \"entry\" array",
      })
  void bodiesWithoutObjectAndEntryAreNotWebhooksAndTheReasonQuotesNothing(
      String body, String reason) {
    ParseResult result = parser.parse(utf8(body), Instant.EPOCH);

    assertThat(result).isEqualTo(new ParseResult.NotAWebhook(reason));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"{\"object\": \"page\", \"entry\": []} | object: 'page' is not handled"})
  void aWebhookOfAnotherObjectIsAWebhookWithNothingButItsReason(String body, String reason) {
    ParseResult result = parser.parse(utf8(body), Instant.EPOCH);

    assertThat(result).isInstanceOf(ParseResult.Webhook.class);
    assertThat(((ParseResult.Webhook) result).unparsed()).containsExactly(reason);
  }
}
