package dev.orderflow.ingest.topology;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Runs a property in CI (environment variable {@code CI=true}) with its fixed seed, or elsewhere
 * with a random one: CI is reproducible, and development keeps exploring new inputs.
 */
final class CiSeed {
  private CiSeed() {}

  static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips the fixed-seed variant outside CI. */
  static final class OnlyInCi implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return inCi() ? SkipResult.doNotSkip() : SkipResult.skip("runs in CI (CI=true) only");
    }
  }

  /** Skips the random-seed variant in CI. */
  static final class OutsideCi implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return inCi() ? SkipResult.skip("CI runs the fixed-seed variant") : SkipResult.doNotSkip();
    }
  }
}
