package dev.orderflow.sender.credentials;

import dev.orderflow.sender.api.Credentials;

/** Where the sender gets its platform token and account id. */
public interface CredentialSource {

  /**
   * The held credentials, without waiting once any were read; credentials older than the refresh
   * interval are re-read in the background and used from when that read finishes.
   */
  Credentials current();

  /**
   * Asks for a re-read because {@code rejected} was refused by the platform and answers the
   * credentials to try next: the new ones if read within a short wait, else the held ones.
   * Concurrent callers holding the same rejected credentials share one read; no other caller waits.
   */
  Credentials refresh(Credentials rejected);
}
