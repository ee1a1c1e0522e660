package dev.orderflow.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.ErrorClassifier;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.Platform;
import dev.orderflow.sender.api.PlatformClientConfig;
import dev.orderflow.sender.graph.SecretFields;

/** WhatsApp Cloud API as the sender framework sees it. */
public final class WhatsAppPlatform implements Platform {
  static final String TOKEN_FIELD = "whatsappToken";
  static final String PHONE_NUMBER_ID_FIELD = "whatsappPhoneNumberId";

  private final ErrorClassifier classifier = new WhatsAppErrorTable();

  @Override
  public String name() {
    return "whatsapp";
  }

  @Override
  public Credentials credentialsFrom(JsonNode secret) {
    return new Credentials(
        SecretFields.required(secret, TOKEN_FIELD),
        SecretFields.required(secret, PHONE_NUMBER_ID_FIELD));
  }

  @Override
  public MessagingClient client(PlatformClientConfig config) {
    return new WhatsAppClient(config, classifier);
  }
}
