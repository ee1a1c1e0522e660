package dev.orderflow.devservers.meta;

import static dev.orderflow.devservers.meta.GraphCalls.WA_MESSAGES;
import static dev.orderflow.devservers.meta.GraphCalls.WA_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.devservers.meta.GraphCalls.GraphReply;
import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Held replies go through the simulator's one {@code Sleeper}, so a test can hold them for free.
 */
class SimulatorPauseTest {

  @Test
  void aTimeoutFaultIsHeldThroughThePauseAndThenDelivers() throws Exception {
    // Given a simulator whose pauses are only recorded, and a 30-second timeout fault
    List<Duration> pauses = new CopyOnWriteArrayList<>();
    MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    try (RunningSimulator simulator =
        SimulatorServer.start(SimulatorConfig.ephemeral(), clock, pauses::add)) {
      simulator.client().update(settings -> settings.withPairIntervalMs(0));
      simulator
          .client()
          .addFaults(FaultRule.timeout(Platform.WHATSAPP, Duration.ofSeconds(30)).times(1));

      // When a message is sent with a client timeout far shorter than the fault
      GraphReply reply =
          new GraphCalls(simulator.baseUri())
              .post(WA_MESSAGES, WA_TOKEN, template("2348012345678"), Duration.ofSeconds(5));

      // Then the 30 seconds were asked of the pause, not waited, and the message went through
      assertThat(pauses).contains(Duration.ofSeconds(30));
      assertThat(reply.status()).isEqualTo(200);
      assertThat(simulator.client().messages(Platform.WHATSAPP, "2348012345678")).hasSize(1);
    }
  }
}
