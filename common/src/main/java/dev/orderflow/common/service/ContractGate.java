package dev.orderflow.common.service;

import dev.orderflow.common.contracts.Contract;
import dev.orderflow.common.contracts.ContractCheck;
import dev.orderflow.common.ops.HealthCheck;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a service's start until its contracts resolve, asking again on a doubling back-off. While
 * it waits, readiness is down with the reason, and the log has one line per distinct problem (not
 * one per attempt), naming the subject and the fixing command.
 */
final class ContractGate implements HealthCheck {
  private static final Logger LOGGER = LoggerFactory.getLogger(ContractGate.class);

  private final ContractCheck check;
  private final List<Contract> contracts;
  private final Duration firstPause;
  private final Duration maxPause;
  private volatile String problem = "contracts not checked yet";

  ContractGate(
      ContractCheck check, List<Contract> contracts, Duration firstPause, Duration maxPause) {
    this.check = check;
    this.contracts = List.copyOf(contracts);
    this.firstPause = firstPause;
    this.maxPause = maxPause;
  }

  /** Returns once every contract resolves; throws InterruptedException when the service stops. */
  void awaitResolved() throws InterruptedException {
    Duration pause = firstPause;
    String logged = null;
    while (true) {
      Optional<String> found = check.firstProblem(contracts);
      if (found.isEmpty()) {
        problem = null;
        LOGGER.info(
            "contracts resolved subjects={}", contracts.stream().map(Contract::subject).toList());
        return;
      }
      problem = found.get();
      if (!Objects.equals(problem, logged)) {
        LOGGER.warn("not starting until the contracts resolve: {}", problem);
        logged = problem;
      }
      Thread.sleep(pause);
      // Doubling, capped: a few lines of arithmetic, not worth a retry library here.
      pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
    }
  }

  @Override
  public boolean isUp() {
    return problem == null;
  }

  @Override
  public String downReason() {
    return problem;
  }
}
