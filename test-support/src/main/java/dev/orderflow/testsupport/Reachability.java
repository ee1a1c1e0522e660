package dev.orderflow.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/** Fails fast, with the fix in the message, when a part of the local stack is not listening. */
final class Reachability {
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private Reachability() {}

  static void require(String what, String variable, URI url) {
    int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    require(what, variable, url.getHost(), port, url.toString());
  }

  /** Every {@code host:port} of a Kafka bootstrap list; one reachable server is enough. */
  static void requireKafka(String bootstrapServers) {
    IOException last = null;
    for (String server : bootstrapServers.split(",")) {
      int colon = server.lastIndexOf(':');
      try {
        connect(server.substring(0, colon).trim(), Integer.parseInt(server.substring(colon + 1)));
        return;
      } catch (IOException | RuntimeException e) {
        last = e instanceof IOException io ? io : new IOException(e);
      }
    }
    throw unreachable("Kafka", "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers, last);
  }

  private static void require(String what, String variable, String host, int port, String shown) {
    try {
      connect(host, port);
    } catch (IOException e) {
      throw unreachable(what, variable, shown, e);
    }
  }

  private static void connect(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
    }
  }

  private static IllegalStateException unreachable(
      String what, String variable, String address, Exception cause) {
    return new IllegalStateException(
        what
            + " is not reachable at "
            + address
            + " ("
            + variable
            + "): start the local stack with dev/start.sh, or point "
            + variable
            + " at a running one",
        cause);
  }
}
