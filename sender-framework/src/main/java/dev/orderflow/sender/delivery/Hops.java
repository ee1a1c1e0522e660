package dev.orderflow.sender.delivery;

import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.retry.HopPolicy;
import dev.orderflow.sender.retry.RetryState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves a record on: to a delay tier (ledger RETRYING) or to the dead-letter topic. */
final class Hops {
  private static final Logger LOGGER = LoggerFactory.getLogger(Hops.class);

  private final DeliveryDeps deps;
  private final ConsumerRecord<byte[], byte[]> record;

  Hops(DeliveryDeps deps, ConsumerRecord<byte[], byte[]> record) {
    this.deps = deps;
    this.record = record;
  }

  void toTier(HopPolicy tier, RetryState state, SendOutcome.Failed failed)
      throws InterruptedException {
    deps.forwarder().forward(deps.hopRecords().toTier(record, tier, state, deps.clock().instant()));
    deps.metrics().retried(tier.tier());
    LOGGER.info(
        "moved to delay tier topic={} attempts={} reason={} source={}-{}@{}",
        tier.topic(),
        state.attempts(),
        reason(failed),
        record.topic(),
        record.partition(),
        record.offset());
  }

  void toDeadLetter(SendOutcome.Failed failed, RetryState state) throws InterruptedException {
    String topic = deps.topology().deadLetterTopic();
    deps.forwarder()
        .forward(
            deps.hopRecords().toDeadLetter(record, topic, failed, state, deps.clock().instant()));
    deps.metrics().deadLettered(failed.errorClass().name());
    LOGGER.warn(
        "dead-lettered topic={} reason={} attempts={} source={}-{}@{}",
        topic,
        reason(failed),
        state.attempts(),
        record.topic(),
        record.partition(),
        record.offset());
  }

  static String reason(SendOutcome.Failed failed) {
    var e = failed.error();
    return failed.errorClass()
        + " code="
        + e.code()
        + " subcode="
        + e.subcode()
        + " http="
        + e.httpStatus();
  }
}
