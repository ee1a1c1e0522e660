package dev.orderflow.webhooks.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Walks {@code object: instagram}: {@code entry[].messaging[]} events go to {@link
 * InstagramEvents}; {@code changes} (comments, mentions) and {@code standby} (handover) are named
 * as unparsed.
 */
final class InstagramEntries {
  private static final List<String> UNHANDLED = List.of("changes", "standby");

  private InstagramEntries() {}

  static void parse(JsonNode entries, Events events) {
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String path = "entry[" + i + "]";
      boolean handledSomething = false;
      for (String field : UNHANDLED) {
        if (entry.has(field)) {
          events.unparsed(path + "." + field, "Instagram " + field + " are not handled");
          handledSomething = true;
        }
      }
      JsonNode messaging = entry.path("messaging");
      if (!messaging.isArray()) {
        if (!handledSomething) {
          events.unparsed(path, "no messaging array");
        }
        continue;
      }
      for (int k = 0; k < messaging.size(); k++) {
        InstagramEvents.parse(messaging.get(k), path + ".messaging[" + k + "]", events);
      }
    }
  }
}
