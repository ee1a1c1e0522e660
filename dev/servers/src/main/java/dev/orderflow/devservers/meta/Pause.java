package dev.orderflow.devservers.meta;

import java.time.Duration;

/**
 * How the simulator holds a reply back (configured latency, a timeout fault): the one place it
 * blocks a thread, always a virtual one, so a held reply costs no platform thread. dev/servers
 * stands alone (it does not depend on common), so this is its own small port, shaped like common's
 * {@code Sleeper}.
 */
@FunctionalInterface
interface Pause {
  Pause REAL = duration -> Thread.sleep(duration);

  void pause(Duration duration) throws InterruptedException;
}
