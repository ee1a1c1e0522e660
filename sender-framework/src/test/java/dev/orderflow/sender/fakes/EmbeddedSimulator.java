package dev.orderflow.sender.fakes;

import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.MetaSimulatorClient;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import dev.orderflow.sender.api.PlatformClientConfig;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Meta Graph API simulator for a client test class: started once before its tests, reset before
 * each (messages, faults, windows, settings), closed after. Register it as a static field:
 * {@code @RegisterExtension static final EmbeddedSimulator META = new EmbeddedSimulator();}
 */
public final class EmbeddedSimulator
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private RunningSimulator running;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    running = MetaGraphSimulator.start(SimulatorConfig.ephemeral());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    control().resetAll();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    running.close();
  }

  /** What a test changes and reads on the simulator. */
  public MetaSimulatorClient control() {
    return running.client();
  }

  /** A platform client's config toward this simulator: 2 s to connect, 16 connections. */
  public PlatformClientConfig clientConfig(Duration callTimeout) {
    return new PlatformClientConfig(
        running.baseUri(), "v23.0", Duration.ofSeconds(2), callTimeout, 16);
  }
}
