package dev.orderflow.sender.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.Platform;
import dev.orderflow.sender.api.PlatformClientConfig;
import java.util.Set;

/**
 * A small WhatsApp-shaped {@link Platform} for the framework's own end-to-end tests against the
 * Meta simulator (the real one lives in whatsapp-sender, which depends on this module). Its name is
 * unique per test so topics never collide.
 */
public final class SimWhatsAppPlatform implements Platform {
  static final Set<Integer> BACKOFF = Set.of(4, 17, 32, 613, 80007, 130429, 131056);
  static final Set<Integer> REFRESH = Set.of(0, 102, 190);
  static final Set<Integer> RETRY = Set.of(1, 2, 131000, 131016, 131057);
  static final Set<Integer> CONFIG =
      Set.of(3, 10, 200, 368, 131005, 131030, 131031, 131042, 131045);

  private final String name;

  public SimWhatsAppPlatform(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  static ErrorClass classify(MetaError error) {
    Integer code = error.code();
    if (code == null) {
      return error.httpStatus() == 0 || error.httpStatus() >= 500 || error.httpStatus() == 429
          ? (error.httpStatus() == 429 ? ErrorClass.BACKOFF : ErrorClass.RETRY)
          : ErrorClass.PERMANENT;
    }
    if (BACKOFF.contains(code)) {
      return ErrorClass.BACKOFF;
    }
    if (REFRESH.contains(code)) {
      return ErrorClass.REFRESH;
    }
    if (RETRY.contains(code) || error.httpStatus() >= 500) {
      return ErrorClass.RETRY;
    }
    return CONFIG.contains(code) || (code >= 200 && code <= 299)
        ? ErrorClass.PERMANENT_CONFIG
        : ErrorClass.PERMANENT;
  }

  @Override
  public Credentials credentialsFrom(JsonNode secret) {
    JsonNode whatsapp = secret.path("whatsapp");
    return new Credentials(
        whatsapp.path("token").asText(), whatsapp.path("phoneNumberId").asText());
  }

  @Override
  public MessagingClient client(PlatformClientConfig config) {
    return new SimWhatsAppClient(config, SimWhatsAppPlatform::classify);
  }
}
