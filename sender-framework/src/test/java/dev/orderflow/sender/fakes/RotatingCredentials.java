package dev.orderflow.sender.fakes;

import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.credentials.CredentialSource;
import java.util.concurrent.atomic.AtomicInteger;

/** A credential source whose "secret" a test rotates; counts forced re-reads. */
public final class RotatingCredentials implements CredentialSource {
  private volatile String secretToken;
  private volatile Credentials cached;
  private final AtomicInteger refreshes = new AtomicInteger();

  public RotatingCredentials(String token) {
    this.secretToken = token;
    this.cached = new Credentials(token, "account-1");
  }

  public void rotate(String token) {
    secretToken = token;
  }

  @Override
  public Credentials current() {
    return cached;
  }

  @Override
  public synchronized Credentials refresh(Credentials rejected) {
    refreshes.incrementAndGet();
    cached = new Credentials(secretToken, "account-1");
    return cached;
  }

  public int refreshes() {
    return refreshes.get();
  }
}
