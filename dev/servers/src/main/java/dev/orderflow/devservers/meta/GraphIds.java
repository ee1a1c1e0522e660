package dev.orderflow.devservers.meta;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Message ids and fbtrace ids that look like Meta's. */
final class GraphIds {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  // The sequence makes ids unique within a run; the random part across restarts.
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private GraphIds() {}

  static String messageId(Platform platform) {
    ByteBuffer bytes = ByteBuffer.allocate(24);
    bytes.putLong(ThreadLocalRandom.current().nextLong());
    bytes.putLong(SEQUENCE.incrementAndGet());
    bytes.putLong(ThreadLocalRandom.current().nextLong());
    String prefix = platform == Platform.WHATSAPP ? "wamid." : "mid.";
    return prefix + ENCODER.encodeToString(bytes.array());
  }

  static String fbtraceId() {
    byte[] bytes = new byte[15];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "A" + ENCODER.encodeToString(bytes);
  }
}
