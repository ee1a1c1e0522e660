package dev.orderflow.sender.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SecretFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aStringOrANumericIdIsReadStripped() throws Exception {
    JsonNode secret = JSON.readTree("{\"token\":\" EAAG-secret \",\"id\":106540352242922}");

    assertThat(SecretFields.required(secret, "token")).isEqualTo("EAAG-secret");
    assertThat(SecretFields.required(secret, "id")).isEqualTo("106540352242922");
  }

  @Test
  void aMissingBlankOrNonTextFieldIsNamedButItsValueIsNot() throws Exception {
    JsonNode secret = JSON.readTree("{\"blank\":\"  \",\"object\":{\"v\":\"hidden-value\"}}");

    for (String field : new String[] {"missing", "blank", "object"}) {
      assertThatThrownBy(() -> SecretFields.required(secret, field))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(field + ": ")
          .hasMessageNotContaining("hidden-value");
    }
    assertThatThrownBy(() -> SecretFields.required(null, "token"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
