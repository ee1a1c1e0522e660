package dev.orderflow.devservers.meta;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Graph path: {@code /{version}/{object-id}} or {@code /{version}/{object-id}/{edge}}.
 *
 * @param edge the edge after the object id, or null for the object itself
 */
record GraphPath(String version, String objectId, String edge) {

  private static final Pattern PATH =
      Pattern.compile("/(v\\d{1,2}\\.\\d)/([A-Za-z0-9_.-]+)(?:/([A-Za-z0-9_]+))?/?");

  static Optional<GraphPath> parse(String path) {
    Matcher matcher = PATH.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new GraphPath(matcher.group(1), matcher.group(2), matcher.group(3)));
  }
}
