package dev.orderflow.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.ErrorClassifier;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.Platform;
import dev.orderflow.sender.api.PlatformClientConfig;
import dev.orderflow.sender.graph.SecretFields;
import java.util.Objects;

/** Instagram messaging as the sender framework sees it, on one of the two host styles. */
public final class InstagramPlatform implements Platform {
  static final String TOKEN_FIELD = "instagramToken";
  static final String ACCOUNT_ID_FIELD = "instagramAccountId";

  private final InstagramHostStyle hostStyle;
  private final ErrorClassifier classifier = new InstagramErrorTable();

  public InstagramPlatform(InstagramHostStyle hostStyle) {
    this.hostStyle = Objects.requireNonNull(hostStyle, "hostStyle");
  }

  @Override
  public String name() {
    return "instagram";
  }

  /** The account id is the IG professional id or the Page id, as the host style requires. */
  @Override
  public Credentials credentialsFrom(JsonNode secret) {
    return new Credentials(
        SecretFields.required(secret, TOKEN_FIELD),
        SecretFields.required(secret, ACCOUNT_ID_FIELD));
  }

  @Override
  public MessagingClient client(PlatformClientConfig config) {
    return new InstagramClient(config, hostStyle, classifier);
  }
}
