package dev.orderflow.webhooks.signature;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.common.secrets.SecretFields;

/**
 * The two webhook keys of the shared credentials secret. {@link #toString()} shows neither.
 *
 * @param appSecret the Meta app secret that keys every webhook's HMAC ({@value #APP_SECRET})
 * @param verifyToken what Meta's subscription handshake must present ({@value #VERIFY_TOKEN})
 */
public record WebhookSecrets(String appSecret, String verifyToken) {
  public static final String APP_SECRET = "metaAppSecret";
  public static final String VERIFY_TOKEN = "webhookVerifyToken";

  /** Reads both keys, naming the first one missing (never a value). */
  public static WebhookSecrets fromSecret(JsonNode secret) {
    return new WebhookSecrets(
        SecretFields.required(secret, APP_SECRET), SecretFields.required(secret, VERIFY_TOKEN));
  }

  @Override
  public String toString() {
    return "WebhookSecrets[appSecret=***, verifyToken=***]";
  }
}
