package dev.orderflow.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sender.api.Credentials;
import org.junit.jupiter.api.Test;

class WhatsAppPlatformTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final WhatsAppPlatform platform = new WhatsAppPlatform();

  @Test
  void itsNameIsTheLowerCaseWordUsedInTopicNames() {
    assertThat(platform.name()).isEqualTo("whatsapp");
  }

  @Test
  void credentialsAreTheWhatsAppFieldsOfTheSharedSecret() throws Exception {
    var secret =
        JSON.readTree(
            """
            {"whatsappToken":"EAAG-secret","whatsappPhoneNumberId":"106540352242922",
             "instagramToken":"IGQ-other","instagramAccountId":"1784"}
            """);

    assertThat(platform.credentialsFrom(secret))
        .isEqualTo(new Credentials("EAAG-secret", "106540352242922"));
  }

  @Test
  void aSecretWithoutThePhoneNumberIdIsRejectedNamingTheFieldButNotTheToken() throws Exception {
    var secret = JSON.readTree("{\"whatsappToken\":\"EAAG-secret\"}");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> platform.credentialsFrom(secret))
        .withMessageContaining("whatsappPhoneNumberId")
        .withMessageNotContaining("EAAG-secret");
  }

  @Test
  void aBlankTokenIsRejected() throws Exception {
    var secret = JSON.readTree("{\"whatsappToken\":\" \",\"whatsappPhoneNumberId\":\"1\"}");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> platform.credentialsFrom(secret))
        .withMessageContaining("whatsappToken");
  }
}
