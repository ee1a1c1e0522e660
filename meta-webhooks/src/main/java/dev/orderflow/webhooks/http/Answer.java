package dev.orderflow.webhooks.http;

/** What the endpoint answers: a status and a short plain-text body. */
public record Answer(int status, String body) {
  public static Answer ok(String body) {
    return new Answer(200, body);
  }

  public static Answer of(int status, String body) {
    return new Answer(status, body);
  }
}
