package dev.orderflow.devservers.meta;

import com.sun.net.httpserver.HttpServer;
import dev.orderflow.common.backoff.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the JDK's built-in HTTP server to the Graph and control endpoints.
 *
 * <p>Why no framework: the simulator needs two handlers, blocking sleeps for latency and no
 * dependency that services could drift against. {@code com.sun.net.httpserver} with one virtual
 * thread per request makes a 100 ms simulated latency cost a parked virtual thread, not a platform
 * thread, so thousands of requests per second can be in flight on two cores.
 */
final class SimulatorServer {

  private static final Logger LOGGER = LoggerFactory.getLogger(SimulatorServer.class);
  // Load runs open a few hundred connections at once; the OS default backlog (50) drops SYNs.
  private static final int BACKLOG = 1_024;
  // The JDK server closes keep-alive connections beyond 200 idle ones, which clients with a few
  // hundred connections see as resets mid-run. It reads this once, when the JVM's first server
  // starts, so an explicit -D wins and a server started earlier keeps its limit.
  private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

  private SimulatorServer() {}

  static RunningSimulator start(SimulatorConfig config, Clock clock) throws IOException {
    return start(config, clock, Sleeper.REAL);
  }

  /** With the given way of holding replies back (tests count the pauses instead of waiting). */
  static RunningSimulator start(SimulatorConfig config, Clock clock, Sleeper pause)
      throws IOException {
    if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
      System.setProperty(MAX_IDLE_CONNECTIONS, "4096");
    }
    var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port());
    HttpServer server = HttpServer.create(address, BACKLOG);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    SimulatorState state = new SimulatorState(config.settings(), config.webhooks(), clock, pause);
    SendRules rules = new SendRules(state);
    server.createContext("/_sim/", new ControlEndpoint(state));
    WebhookControl webhookControl = new WebhookControl(state);
    server.createContext("/_sim/webhooks", webhookControl);
    server.createContext("/_sim/inbound", webhookControl);
    server.createContext(
        "/",
        new GraphEndpoint(
            state,
            Map.of(
                Platform.WHATSAPP, new WhatsAppEndpoint(rules),
                Platform.INSTAGRAM, new InstagramEndpoint(rules))));
    server.start();
    LOGGER.info("simulator started on 127.0.0.1:{}", server.getAddress().getPort());
    return new RunningSimulator(server, executor, state.webhooks());
  }
}
