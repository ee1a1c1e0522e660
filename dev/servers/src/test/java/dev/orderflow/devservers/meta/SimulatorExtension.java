package dev.orderflow.devservers.meta;

import dev.orderflow.testsupport.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real simulator over HTTP per test class, on a free port and a hand-moved clock; every test
 * starts from the start-up settings with nothing logged, scripted or opened.
 */
final class SimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private RunningSimulator simulator;
  private GraphCalls graph;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    simulator = SimulatorServer.start(SimulatorConfig.ephemeral(), clock);
    graph = new GraphCalls(simulator.baseUri());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    clock.set(START);
    simulator.client().resetAll();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    simulator.close();
  }

  MutableClock clock() {
    return clock;
  }

  MetaSimulatorClient client() {
    return simulator.client();
  }

  GraphCalls graph() {
    return graph;
  }
}
