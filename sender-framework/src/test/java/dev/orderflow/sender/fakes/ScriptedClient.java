package dev.orderflow.sender.fakes;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.SendOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link MessagingClient} answering from a script, then with a default; it records every call and
 * the token used, and refuses tokens other than the accepted one with 190 when asked to.
 */
public final class ScriptedClient implements MessagingClient {
  private final Deque<SendOutcome> script = new ArrayDeque<>();
  private final List<String> sentTo = Collections.synchronizedList(new ArrayList<>());
  private final List<String> tokensUsed = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Function<Credentials, SendOutcome> fallback = c -> null;
  private volatile String acceptedToken;
  private volatile SendOutcome probeAnswer = new SendOutcome.Sent("probe");

  public static SendOutcome.Failed failure(ErrorClass errorClass, int http, Integer code) {
    return new SendOutcome.Failed(
        errorClass, new MetaError(http, code, null, "(#" + code + ") scripted", "trace-" + code));
  }

  public synchronized ScriptedClient then(SendOutcome outcome) {
    script.add(outcome);
    return this;
  }

  public synchronized ScriptedClient then(SendOutcome outcome, int times) {
    for (int i = 0; i < times; i++) {
      script.add(outcome);
    }
    return this;
  }

  /** From now on, calls that are not scripted answer this. */
  public ScriptedClient otherwise(SendOutcome outcome) {
    fallback = c -> outcome;
    return this;
  }

  /** From now on, calls that are not scripted answer what {@code answer} returns. */
  public ScriptedClient answering(Function<Credentials, SendOutcome> answer) {
    fallback = answer;
    return this;
  }

  /** Tokens other than {@code token} get 190 (REFRESH). */
  public ScriptedClient acceptOnly(String token) {
    acceptedToken = token;
    return this;
  }

  public ScriptedClient probeAnswers(SendOutcome outcome) {
    probeAnswer = outcome;
    return this;
  }

  @Override
  public SendOutcome send(NotificationRequested notification, Credentials credentials) {
    tokensUsed.add(credentials.token());
    SendOutcome outcome;
    synchronized (this) {
      outcome = script.poll();
    }
    if (outcome == null && acceptedToken != null && !acceptedToken.equals(credentials.token())) {
      outcome = failure(ErrorClass.REFRESH, 401, 190);
    }
    if (outcome == null) {
      outcome = fallback.apply(credentials);
    }
    if (outcome == null) {
      outcome = new SendOutcome.Sent("wamid." + ids.incrementAndGet());
    }
    if (outcome instanceof SendOutcome.Sent) {
      sentTo.add(notification.getNotificationId());
    }
    return outcome;
  }

  @Override
  public SendOutcome probe(Credentials credentials) {
    if (acceptedToken != null && !acceptedToken.equals(credentials.token())) {
      return failure(ErrorClass.REFRESH, 401, 190);
    }
    return probeAnswer;
  }

  public List<String> delivered() {
    return List.copyOf(sentTo);
  }

  public List<String> tokensUsed() {
    return List.copyOf(tokensUsed);
  }

  public int calls() {
    return tokensUsed.size();
  }

  @Override
  public void close() {}
}
