package dev.orderflow.sender.delivery;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.common.logging.CorrelationIds;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.consume.RecordHandler;
import dev.orderflow.sender.retry.RetryState;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The sender's {@link RecordHandler}: decodes the notification and delivers it. A value that does
 * not decode is dead-lettered at once with the reason; it never blocks its partition. A schema
 * registry that cannot be reached is not the value's fault: the channel pauses until it answers
 * (see {@link Decoding}).
 */
public final class DeliveryHandler implements RecordHandler {
  private static final Logger LOGGER = LoggerFactory.getLogger(DeliveryHandler.class);
  private final DeliveryDeps deps;
  private final Decoding decoding;

  public DeliveryHandler(
      DeliveryDeps deps, Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder) {
    this.deps = deps;
    this.decoding = new Decoding(deps, decoder);
  }

  /** The circuit's probe while it is open for REGISTRY: does a waiting record decode now? */
  public boolean probeRegistry() {
    return decoding.probe();
  }

  @Override
  public void handle(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    long start = System.nanoTime();
    NotificationRequested notification;
    switch (decoding.decode(record)) {
      case Decoding.Decoded.Readable readable -> notification = readable.notification();
      case Decoding.Decoded.Unreadable unreadable -> {
        undecodable(record, unreadable.reason());
        return;
      }
    }
    MDC.put(CorrelationIds.MDC_KEY, notification.getCorrelationId());
    MDC.put("notificationId", notification.getNotificationId());
    try {
      new Delivery(deps, record, notification).run();
      deps.metrics().recordDone(Duration.ofNanos(System.nanoTime() - start));
    } finally {
      MDC.clear();
    }
  }

  private void undecodable(ConsumerRecord<byte[], byte[]> record, RuntimeException e)
      throws InterruptedException {
    LOGGER.warn(
        "undecodable value topic={} partition={} offset={}",
        record.topic(),
        record.partition(),
        record.offset(),
        e);
    MetaError error = new MetaError(0, null, null, "undecodable value: " + e.getMessage(), null);
    SendOutcome.Failed failed = new SendOutcome.Failed(ErrorClass.PERMANENT, error);
    RetryState state = RetryState.of(record).failedOnceMore(deps.clock().instant());
    new Hops(deps, record).toDeadLetter(failed, state);
  }
}
