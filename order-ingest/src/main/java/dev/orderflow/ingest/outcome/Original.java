package dev.orderflow.ingest.outcome;

import dev.orderflow.ingest.validation.ContentHash;
import java.util.Arrays;

/**
 * The submitted value as a rejection carries it: its size and SHA-256, and its first bytes (all of
 * them when it is small enough). Built once from the full value, so the hash is always of the whole
 * even when only a prefix travels on.
 *
 * @param sizeBytes size of the whole value
 * @param sha256 of the whole value (null only from {@link #whole})
 * @param kept the whole value, or a prefix of it
 */
public record Original(int sizeBytes, byte[] sha256, byte[] kept) {

  /** Null for a null value. */
  public static Original of(byte[] value, int maxKept) {
    if (value == null) {
      return null;
    }
    byte[] kept = value.length <= maxKept ? value : Arrays.copyOf(value, maxKept);
    return new Original(value.length, ContentHash.sha256(value), kept);
  }

  /**
   * For a value that will most likely never be rejected: no hash when all of it is kept (it can be
   * computed from the bytes later), so the accepted path hashes nothing.
   */
  public static Original whole(byte[] value, int maxKept) {
    return value.length <= maxKept ? new Original(value.length, null, value) : of(value, maxKept);
  }

  public boolean truncated() {
    return kept.length < sizeBytes;
  }

  /** The same original with at most {@code max} bytes kept. */
  public Original cutTo(int max) {
    return kept.length <= max ? this : new Original(sizeBytes, sha256, Arrays.copyOf(kept, max));
  }
}
