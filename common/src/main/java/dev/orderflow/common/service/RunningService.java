package dev.orderflow.common.service;

import dev.orderflow.common.ops.Metrics;
import dev.orderflow.common.ops.OpsHttpServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started service with its ops endpoint; stops them once, in order, whoever asks first. */
final class RunningService {
  private static final Logger LOGGER = LoggerFactory.getLogger(RunningService.class);

  private final String name;
  private final Service service;
  private final Metrics metrics;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile OpsHttpServer ops;

  RunningService(String name, Service service, Metrics metrics) {
    this.name = name;
    this.service = service;
    this.metrics = metrics;
  }

  void start(OpsHttpServer opsServer) throws Exception {
    this.ops = opsServer;
    service.start();
    started.set(true);
  }

  boolean isStarted() {
    return started.get() && !stopping.get();
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
      service.stop();
    } catch (RuntimeException e) {
      LOGGER.warn("service did not stop cleanly name={}", name, e);
    } finally {
      if (ops != null) {
        ops.close();
      }
      metrics.close();
      stopped.countDown();
      LOGGER.info("service stopped name={}", name);
    }
  }

  /** Keeps {@code main} alive: services may run only on (daemon) virtual threads. */
  void awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
