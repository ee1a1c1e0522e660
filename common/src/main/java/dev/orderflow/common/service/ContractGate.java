package dev.orderflow.common.service;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.common.contracts.Contract;
import dev.orderflow.common.contracts.ContractCheck;
import dev.orderflow.common.ops.HealthCheck;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a service's start until its contracts resolve, asking again on a {@link Backoff}. While it
 * waits, readiness is down with the reason, and the log has one line per distinct problem (not one
 * per attempt), naming the subject and the fixing command.
 */
final class ContractGate implements HealthCheck {
  private static final Logger LOGGER = LoggerFactory.getLogger(ContractGate.class);

  private final ContractCheck check;
  private final List<Contract> contracts;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private volatile String problem = "contracts not checked yet";

  ContractGate(ContractCheck check, List<Contract> contracts, Backoff backoff, Sleeper sleeper) {
    this.check = check;
    this.contracts = List.copyOf(contracts);
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  /** Returns once every contract resolves; throws InterruptedException when the service stops. */
  void awaitResolved() throws InterruptedException {
    String logged = null;
    for (int retry = 1; ; retry++) {
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
      sleeper.sleep(backoff.pauseBefore(retry));
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
