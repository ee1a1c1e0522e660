package dev.orderflow.sender.delivery;

import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.circuit.OpenReason;
import dev.orderflow.sender.retry.HopPolicy;
import dev.orderflow.sender.retry.RetryState;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a record on: to a delay tier (ledger RETRYING) or to the dead-letter topic. A copy Kafka
 * refuses for this record alone (too large, invalid) becomes a compact dead letter; a topic that
 * refuses every record (authorization), or a compact dead letter refused too, pauses the channel
 * (circuit FORWARD: readiness down, re-checked like CONFIG) and the forward waits for it. Nothing
 * is retried in a loop that no one sees.
 */
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
    ProducerRecord<byte[], byte[]> copy =
        deps.hopRecords().toTier(record, tier, state, deps.clock().instant());
    Optional<Forwarder.Refused> refused = forward(copy);
    if (refused.isPresent()) {
      toCompactDeadLetter(failed, state, refused.get());
      return;
    }
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
    Optional<Forwarder.Refused> refused =
        forward(
            deps.hopRecords().toDeadLetter(record, topic, failed, state, deps.clock().instant()));
    if (refused.isPresent()) {
      toCompactDeadLetter(failed, state, refused.get());
      return;
    }
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

  private void toCompactDeadLetter(
      SendOutcome.Failed failed, RetryState state, Forwarder.Refused refusal)
      throws InterruptedException {
    String topic = deps.topology().deadLetterTopic();
    ProducerRecord<byte[], byte[]> compact =
        deps.hopRecords()
            .toCompactDeadLetter(
                record, topic, failed, state, deps.clock().instant(), refusal.getMessage());
    for (Optional<Forwarder.Refused> refused = forward(compact);
        refused.isPresent();
        refused = forward(compact)) {
      pauseChannel(refused.get());
    }
    deps.metrics().deadLettered(failed.errorClass().name());
    deps.metrics().compactDeadLettered(failed.errorClass().name());
    LOGGER.error(
        "dead-lettered in compact form topic={} reason={} refused={} source={}-{}@{}",
        topic,
        reason(failed),
        refusal.getMessage(),
        record.topic(),
        record.partition(),
        record.offset());
  }

  /** Forwards until Kafka has it (empty) or refuses this record alone (the refusal). */
  private Optional<Forwarder.Refused> forward(ProducerRecord<byte[], byte[]> copy)
      throws InterruptedException {
    while (true) {
      try {
        deps.forwarder().forward(copy);
        return Optional.empty();
      } catch (Forwarder.Refused refused) {
        if (refused.perRecord()) {
          return Optional.of(refused);
        }
        pauseChannel(refused);
      }
    }
  }

  /** Kafka takes nothing from this channel there: stop it, readiness down, until a re-check. */
  private void pauseChannel(Forwarder.Refused refused) throws InterruptedException {
    if (!deps.circuit().isOpen()) {
      deps.metrics().channelPaused(OpenReason.FORWARD.name());
    }
    deps.circuit().open(OpenReason.FORWARD, MetaError.noResponse("kafka: " + refused.getMessage()));
    deps.circuit().awaitNotOpen();
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
