package dev.orderflow.instagram;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.schema.NotificationRequested;
import java.nio.charset.StandardCharsets;

/** The body of an Instagram text message : recipient IGSID and text. */
final class InstagramMessage {
  /** Meta's limit on a text message, in UTF-8 bytes. */
  static final int MAX_TEXT_BYTES = 1000;

  private InstagramMessage() {}

  /**
   * @throws IllegalArgumentException when the text is longer than Meta accepts; the router bounds
   *     it, so this is bad data that no retry can fix
   */
  static ObjectNode text(NotificationRequested notification) {
    int bytes = notification.getText().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TEXT_BYTES) {
      throw new IllegalArgumentException(
          "text is " + bytes + " UTF-8 bytes; Instagram accepts at most " + MAX_TEXT_BYTES);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("recipient").put("id", notification.getRecipient());
    body.putObject("message").put("text", notification.getText());
    return body;
  }
}
