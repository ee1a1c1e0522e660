package dev.orderflow.common.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.avro.Schema;

/** A scripted HTTP server on 127.0.0.1 standing in for the registry, and a client pointed at it. */
final class ScriptedRegistry implements AutoCloseable {
  static final Schema SCHEMA =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
  static final String SCHEMA_JSON = "{\"schema\":" + quoted(SCHEMA.toString());

  final MockWebServer server = new MockWebServer();
  final SchemaRegistryClient client;

  private ScriptedRegistry() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    String base = server.url("/apis/ccompat/v7").toString();
    client = new SchemaRegistryClient(new RegistryClientConfig(base, Duration.ofMillis(800)));
  }

  static ScriptedRegistry start() {
    try {
      return new ScriptedRegistry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void answer(int status, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  RecordedRequest taken() throws InterruptedException {
    return server.takeRequest(2, TimeUnit.SECONDS);
  }

  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
