package dev.orderflow.devservers.secrets;

import java.util.Objects;

/**
 * One stored version of a secret; exactly one of string and binary (base64) is set. Times are epoch
 * milliseconds so the store's JSON file needs no date module.
 */
record SecretVersion(
    String versionId, String secretString, String secretBinary, long createdMillis) {
  SecretVersion {
    Objects.requireNonNull(versionId, "versionId");
    if ((secretString == null) == (secretBinary == null)) {
      throw AwsError.invalidParameter("exactly one of SecretString and SecretBinary is required");
    }
  }

  boolean sameValue(SecretVersion other) {
    return Objects.equals(secretString, other.secretString)
        && Objects.equals(secretBinary, other.secretBinary);
  }
}
