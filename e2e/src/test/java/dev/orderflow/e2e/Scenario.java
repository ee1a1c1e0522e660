package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.bench.load.LoadGenerator;
import dev.orderflow.bench.observe.PipelineOutcomes;
import dev.orderflow.bench.observe.Reconciliation;
import dev.orderflow.bench.orders.OrderMix;
import dev.orderflow.bench.orders.OrderPlanner;
import dev.orderflow.bench.orders.PlannedOrder;
import dev.orderflow.bench.orders.RunPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scenario: plan orders under ids of its own, seed their buyers, produce the first part at a
 * steady rate, inject the fault, produce the rest, then wait until every order has its outcome and
 * check that no duplicates appear for a while after.
 */
final class Scenario {
  private static final Logger LOGGER = LoggerFactory.getLogger(Scenario.class);
  private static final Duration QUIET = Duration.ofSeconds(3);

  private final E2eEnvironment env;
  private final String name;
  private final Consumer<ScenarioResult> report;
  private int orders = 300;
  private OrderMix mix = OrderMix.realistic();
  private double rate = 150;
  private double faultAt = 0.5;
  private Runnable fault = () -> {};
  private Runnable afterLoad = () -> {};
  private int allowedDuplicates;
  private Duration patience = Duration.ofSeconds(90);

  Scenario(E2eEnvironment env, String name, Consumer<ScenarioResult> report) {
    this.env = env;
    this.name = name;
    this.report = report;
  }

  Scenario orders(int count, OrderMix orderMix, double perSecond) {
    this.orders = count;
    this.mix = orderMix;
    this.rate = perSecond;
    return this;
  }

  /** Runs {@code action} once {@code share} of the orders are produced. */
  Scenario fault(double share, Runnable action) {
    this.faultAt = share;
    this.fault = action;
    return this;
  }

  /** Runs {@code action} after the last order is produced (e.g. await a restarted service). */
  Scenario afterLoad(Runnable action) {
    this.afterLoad = action;
    return this;
  }

  /** Duplicates the documented window allows (the senders' API-accepted-but-not-recorded case). */
  Scenario allowDuplicates(int bound) {
    this.allowedDuplicates = bound;
    return this;
  }

  Scenario patience(Duration timeout) {
    this.patience = timeout;
    return this;
  }

  ScenarioResult run() {
    long started = System.nanoTime();
    String runId = env.runId + name.replaceAll("[^A-Za-z0-9]", "");
    RunPlan plan =
        new OrderPlanner(runId, mix, 600, runId.hashCode(), Clock.systemUTC()).plan(orders);
    env.resources.seedBuyers(env.names.buyersTable(), plan.buyers());
    LoadGenerator generator = new LoadGenerator(env.producer, env.names.submitted());
    List<PlannedOrder> all = plan.orders();
    int split = (int) (all.size() * faultAt);
    generator.run(all.subList(0, split), rate);
    fault.run();
    generator.run(all.subList(split, all.size()), rate);
    afterLoad.run();
    Reconciliation done = awaitComplete(plan);
    Duration untilComplete = Duration.ofNanos(System.nanoTime() - started);
    Reconciliation settled = awaitNoNewDuplicates(plan, done);
    ScenarioResult result =
        new ScenarioResult(
            name,
            orders,
            settled,
            allowedDuplicates,
            Duration.ofNanos(System.nanoTime() - started),
            untilComplete);
    LOGGER.info("scenario {}: {}", name, settled.summary());
    report.accept(result);
    return result;
  }

  Reconciliation reconcile(RunPlan plan) {
    return PipelineOutcomes.read(env.broker.bootstrapServers(), env.names, env.meta())
        .reconcile(plan);
  }

  private Reconciliation awaitComplete(RunPlan plan) {
    AtomicReference<Reconciliation> last = new AtomicReference<>();
    await(name + ": every order has its outcome")
        .atMost(patience)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Reconciliation now = reconcile(plan);
              last.set(now);
              assertThat(now.lost()).as(now.summary()).isEmpty();
            });
    return last.get();
  }

  /** Late duplicates (a redelivery after a crash) must stop within a few seconds. */
  private Reconciliation awaitNoNewDuplicates(RunPlan plan, Reconciliation done) {
    AtomicReference<Reconciliation> last = new AtomicReference<>(done);
    await(name + ": no further duplicates")
        .during(QUIET)
        .atMost(QUIET.multipliedBy(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              Reconciliation now = reconcile(plan);
              boolean stable = now.duplicateCount() == last.get().duplicateCount();
              last.set(now);
              return stable;
            });
    return last.get();
  }
}
