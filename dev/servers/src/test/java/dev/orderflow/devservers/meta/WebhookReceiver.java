package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint for tests: records every call (body, signature, query) and answers with the
 * scripted statuses in turn, then 200. Answers the handshake with the challenge when the verify
 * token is {@value #VERIFY_TOKEN}.
 */
final class WebhookReceiver implements AutoCloseable {
  static final String VERIFY_TOKEN = WebhookSettings.DEFAULT_VERIFY_TOKEN;

  record Call(String method, String query, String signature, byte[] body) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Deque<Integer> answers = new ArrayDeque<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/hook",
        exchange -> {
          try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(
                new Call(
                    exchange.getRequestMethod(),
                    query,
                    exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER),
                    body));
            byte[] answer = answer(exchange.getRequestMethod(), query);
            exchange.sendResponseHeaders(status(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  synchronized void answerNext(int... statuses) {
    for (int status : statuses) {
      answers.add(status);
    }
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> posts() {
    return calls.stream().filter(c -> c.method().equals("POST")).toList();
  }

  private synchronized int status() {
    return answers.isEmpty() ? 200 : answers.removeFirst();
  }

  private static byte[] answer(String method, String query) {
    if (!method.equals("GET") || query == null) {
      return new byte[0];
    }
    String challenge = null;
    boolean tokenOk = false;
    for (String pair : query.split("&")) {
      if (pair.startsWith("hub.challenge=")) {
        challenge = pair.substring("hub.challenge=".length());
      }
      tokenOk |= pair.equals("hub.verify_token=" + VERIFY_TOKEN);
    }
    return tokenOk && challenge != null ? challenge.getBytes() : "no".getBytes();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
