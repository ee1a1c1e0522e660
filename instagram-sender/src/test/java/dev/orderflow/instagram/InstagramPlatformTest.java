package dev.orderflow.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sender.api.Credentials;
import org.junit.jupiter.api.Test;

class InstagramPlatformTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final InstagramPlatform platform =
      new InstagramPlatform(InstagramHostStyle.INSTAGRAM_LOGIN);

  @Test
  void itsNameIsTheLowerCaseWordUsedInTopicNames() {
    assertThat(platform.name()).isEqualTo("instagram");
  }

  @Test
  void credentialsAreTheInstagramFieldsOfTheSharedSecret() throws Exception {
    var secret =
        JSON.readTree(
            """
            {"whatsappToken":"EAAG-other","whatsappPhoneNumberId":"106540352242922",
             "instagramToken":"IGQ-secret","instagramAccountId":"17841400000000001"}
            """);

    assertThat(platform.credentialsFrom(secret))
        .isEqualTo(new Credentials("IGQ-secret", "17841400000000001"));
  }

  @Test
  void aSecretWithoutTheAccountIdIsRejectedNamingTheFieldButNotTheToken() throws Exception {
    var secret = JSON.readTree("{\"instagramToken\":\"IGQ-secret\"}");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> platform.credentialsFrom(secret))
        .withMessageContaining("instagramAccountId")
        .withMessageNotContaining("IGQ-secret");
  }

  @Test
  void anAccountIdWrittenAsANumberIsAccepted() throws Exception {
    var secret =
        JSON.readTree("{\"instagramToken\":\"IGQ-secret\",\"instagramAccountId\":17841400}");

    assertThat(platform.credentialsFrom(secret).accountId()).isEqualTo("17841400");
  }
}
