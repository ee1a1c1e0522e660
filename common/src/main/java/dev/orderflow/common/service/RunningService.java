package dev.orderflow.common.service;

import dev.orderflow.common.ops.Metrics;
import dev.orderflow.common.ops.OpsHttpServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started service with its ops endpoint; stops them once, in order, whoever asks first. With a
 * contract gate the service itself starts only once its contracts resolve, on a thread of its own,
 * so the ops endpoint already answers (not ready, and why) while it waits.
 */
final class RunningService {
  private static final Logger LOGGER = LoggerFactory.getLogger(RunningService.class);
  private static final Duration GATE_STOP_WAIT = Duration.ofSeconds(10);

  private final String name;
  private final Service service;
  private final Metrics metrics;
  private volatile ContractGate gate;
  private volatile AutoCloseable gateResources = () -> {};
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile OpsHttpServer ops;
  private volatile Thread gateThread;
  private volatile int exitCode;

  RunningService(String name, Service service, Metrics metrics) {
    this.name = name;
    this.service = service;
    this.metrics = metrics;
  }

  /** Before {@link #start}: start the service only once the gate opens; closes what it used. */
  void gateOn(ContractGate contractGate, AutoCloseable resources) {
    this.gate = contractGate;
    this.gateResources = resources;
  }

  void start(OpsHttpServer opsServer) throws Exception {
    this.ops = opsServer;
    if (gate == null) {
      service.start();
      started.set(true);
      return;
    }
    gateThread = Thread.ofVirtual().name(name + "-contracts").start(this::startWhenResolved);
  }

  private void startWhenResolved() {
    try {
      gate.awaitResolved();
      closeGateResources();
      if (stopping.get()) {
        return;
      }
      service.start();
      started.set(true);
      LOGGER.info("service consuming name={}", name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOGGER.error("service failed to start name={} error={}", name, e.toString());
      exitCode = ServiceLauncher.EXIT_START_FAILED;
      Thread.ofVirtual().start(this::stop);
    }
  }

  boolean isStarted() {
    return started.get() && !stopping.get();
  }

  /** Whether the service's start() has returned, even if it is stopping now. */
  boolean hasStarted() {
    return started.get();
  }

  OpsHttpServer ops() {
    return ops;
  }

  void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    LOGGER.info("service stopping name={}", name);
    try {
      awaitGate();
      service.stop();
    } catch (RuntimeException e) {
      LOGGER.warn("service did not stop cleanly name={}", name, e);
    } finally {
      closeGateResources();
      if (ops != null) {
        ops.close();
      }
      metrics.close();
      stopped.countDown();
      LOGGER.info("service stopped name={}", name);
    }
  }

  /** A gate still waiting is interrupted; one starting the service is let finish first. */
  private void awaitGate() {
    Thread thread = gateThread;
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    if (!started.get()) {
      thread.interrupt();
    }
    try {
      thread.join(GATE_STOP_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeGateResources() {
    try {
      gateResources.close();
    } catch (Exception e) {
      LOGGER.warn("could not close the contract check's registry client error={}", e.toString());
    }
  }

  /**
   * Keeps {@code main} alive: services may run only on (daemon) virtual threads. Returns the exit
   * code: 0, or 1 when the service failed to start after its contracts resolved.
   */
  int awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return exitCode;
  }
}
