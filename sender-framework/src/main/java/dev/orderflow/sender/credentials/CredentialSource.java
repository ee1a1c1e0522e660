package dev.orderflow.sender.credentials;

import dev.orderflow.sender.api.Credentials;

/** Where the sender gets its platform token and account id. */
public interface CredentialSource {

  /** The cached credentials, re-read first when older than the refresh interval. */
  Credentials current();

  /**
   * Re-reads the secret because {@code rejected} was refused by the platform. Concurrent callers
   * holding the same rejected credentials share one read.
   */
  Credentials refresh(Credentials rejected);
}
