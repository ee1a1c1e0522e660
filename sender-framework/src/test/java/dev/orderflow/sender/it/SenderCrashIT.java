package dev.orderflow.sender.it;

import static dev.orderflow.sender.fakes.Notifications.notification;
import static dev.orderflow.sender.fakes.Notifications.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.devservers.meta.DeliveredMessage;
import dev.orderflow.devservers.meta.Platform;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two sender JVMs share the work; one is killed with SIGKILL under load. Every notification must
 * still reach the simulator, and duplicates may only come from sends that were in flight in the
 * killed JVM (the ledger's documented window: accepted by Meta, not yet recorded as SENT).
 */
class SenderCrashIT {
  private static final int NOTIFICATIONS = 300;
  private SenderHarness stack;
  private Process victim;
  private Process survivor;

  @AfterEach
  void stop() throws Exception {
    for (Process p : new Process[] {victim, survivor}) {
      if (p != null) {
        p.destroyForcibly().waitFor();
      }
    }
    stack.close();
  }

  @Test
  void aSenderKilledUnderLoadLosesNothingAndDuplicatesOnlyItsInFlightSends() throws Exception {
    // Given two sender processes and Meta answering in ~20 ms
    stack = new SenderHarness(6, 1_000);
    stack.sim.update(Platform.WHATSAPP, p -> p.withLatency(20, 5).withRatePerSecond(1_000));
    victim = started(stack.startProcess());
    survivor = started(stack.startProcess());

    // When notifications flow and one sender is killed mid-way
    for (int i = 0; i < NOTIFICATIONS; i++) {
      stack.send(notification("order-" + i, "buyer-" + i, recipient(i)));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stack.sim.messages(Platform.WHATSAPP).size() >= NOTIFICATIONS / 4);
    victim.destroyForcibly().waitFor();

    // Then the survivor takes over and every notification is delivered
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> distinctOrders(stack.sim.messages(Platform.WHATSAPP)).size() == NOTIFICATIONS);
    List<DeliveredMessage> delivered = stack.sim.messages(Platform.WHATSAPP);
    long duplicates = delivered.size() - NOTIFICATIONS;
    // at most one per in-flight slot of the killed JVM (max-in-flight 200 in the harness config)
    assertThat(duplicates).isBetween(0L, (long) stack.config.loop().maxInFlight());
    assertThat(stack.deadLetters()).isEmpty();
    System.out.printf("crash test: %d delivered, %d duplicates%n", delivered.size(), duplicates);
  }

  private static Map<String, Long> distinctOrders(List<DeliveredMessage> messages) {
    return messages.stream()
        .map(m -> m.parameters().get(0).path("text").asText())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  /** Waits for the child's READY line, echoing its output to ours for diagnosis. */
  private static Process started(Process process) throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.equals("READY")) {
                    ready.complete(null);
                  } else if (line.contains("ERROR")
                      || line.contains("WARN")
                      || line.contains("send failed")) {
                    System.out.println("[sender " + process.pid() + "] " + line);
                  }
                }
              } catch (java.io.IOException e) {
                ready.completeExceptionally(e);
              }
            });
    ready.get(60, java.util.concurrent.TimeUnit.SECONDS);
    return process;
  }
}
