package dev.orderflow.sender.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sender.api.MetaError;
import org.junit.jupiter.api.Test;

class GraphErrorBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void whatsAppDetailsAreFoldedIntoTheMessage() {
    String body =
        """
        {"error":{"message":"(#130429) Rate limit hit","code":130429,"error_subcode":2494055,
          "error_data":{"messaging_product":"whatsapp","details":"Cloud API throughput reached"},
          "error_user_msg":"not read on WhatsApp","fbtrace_id":"Az8"}}
        """;

    MetaError error = GraphErrorBody.parse(JSON, 429, body, GraphErrorBody.WHATSAPP_DETAILS);

    assertThat(error)
        .isEqualTo(
            new MetaError(
                429,
                130429,
                2494055,
                "(#130429) Rate limit hit (details: Cloud API throughput reached)",
                "Az8"));
  }

  @Test
  void instagramUserMessageIsFoldedIntoTheMessage() {
    String body =
        """
        {"error":{"message":"(#10) Outside of allowed window.","code":10,"error_subcode":2534022,
          "error_user_msg":"The buyer has not written for over 24 hours",
          "error_data":{"details":"not read on Instagram"},"fbtrace_id":"AbC"}}
        """;

    MetaError error = GraphErrorBody.parse(JSON, 400, body, GraphErrorBody.INSTAGRAM_DETAILS);

    assertThat(error.message())
        .isEqualTo(
            "(#10) Outside of allowed window. (details: The buyer has not written for over 24"
                + " hours)");
    assertThat(error.subcode()).isEqualTo(2534022);
  }

  @Test
  void anErrorWithoutSubcodeOrDetailsIsParsedWithNulls() {
    String body = "{\"error\":{\"message\":\"Error validating access token\",\"code\":190}}";

    MetaError error = GraphErrorBody.parse(JSON, 401, body, GraphErrorBody.WHATSAPP_DETAILS);

    assertThat(error)
        .isEqualTo(new MetaError(401, 190, null, "Error validating access token", null));
  }

  @Test
  void anUnreadableBodyGivesANullCodeAndAFlattenedSnippet() {
    MetaError error =
        GraphErrorBody.parse(
            JSON, 502, "<html>\n  Bad   Gateway\n</html>", GraphErrorBody.WHATSAPP_DETAILS);

    assertThat(error)
        .isEqualTo(new MetaError(502, null, null, "HTTP 502: <html> Bad Gateway </html>", null));
  }

  @Test
  void aLongUnreadableBodyIsCutTo200Characters() {
    MetaError error =
        GraphErrorBody.parse(JSON, 500, "x".repeat(500), GraphErrorBody.INSTAGRAM_DETAILS);

    assertThat(error.message()).isEqualTo("HTTP 500: " + "x".repeat(200) + "…");
    assertThat(error.code()).isNull();
  }

  @Test
  void anErrorWithoutANumericCodeIsClassifiedByStatusLater() {
    MetaError error =
        GraphErrorBody.parse(
            JSON, 400, "{\"error\":{\"code\":\"abc\"}}", GraphErrorBody.WHATSAPP_DETAILS);

    assertThat(error.code()).isNull();
    assertThat(error.message()).startsWith("HTTP 400: ");
  }
}
