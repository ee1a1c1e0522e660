package dev.orderflow.bench.pipeline;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A stand-in service process: serves /health/ready with 200 on $OPS_PORT until killed. */
public final class FakeService {
  private FakeService() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv("OPS_PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/health/ready",
        exchange -> {
          byte[] body =
              ("{\"status\":\"UP\",\"flavour\":\"" + System.getenv("FLAVOUR") + "\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }
}
