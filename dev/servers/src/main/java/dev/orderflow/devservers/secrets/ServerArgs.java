package dev.orderflow.devservers.secrets;

import java.nio.file.Path;
import java.util.Optional;

/** Command-line options of {@link LocalSecretsManager}; too few to justify a parser library. */
record ServerArgs(String host, int port, Optional<Path> file) {
  static final int DEFAULT_PORT = 4584;

  static ServerArgs parse(String[] args) {
    String host = "127.0.0.1";
    int port = DEFAULT_PORT;
    Optional<Path> file = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value; usage: " + usage());
      }
      String value = args[++i];
      switch (option) {
        case "--host" -> host = value;
        case "--port" -> port = parsePort(value);
        case "--file" -> file = Optional.of(Path.of(value));
        default -> throw new IllegalArgumentException("unknown option " + option + "; " + usage());
      }
    }
    return new ServerArgs(host, port, file);
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, got '" + value + "'", e);
    }
  }

  private static String usage() {
    return "usage: LocalSecretsManager [--host 127.0.0.1] [--port 4584] [--file secrets.json]";
  }
}
