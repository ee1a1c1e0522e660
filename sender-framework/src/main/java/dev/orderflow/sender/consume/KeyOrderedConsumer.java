package dev.orderflow.sender.consume;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume loop both senders run. One thread owns the {@link Consumer}; every record runs on a
 * virtual thread, at most {@code maxInFlight} at a time and one at a time per key, and a
 * partition's offset is committed only up to its lowest unfinished record.
 *
 * <p>Why not Confluent's Parallel Consumer (0.5.3.2): it runs on kafka-clients 4.3.1 only with its
 * auto-commit safety check switched off, and it offers no per-partition pause. Our delay tiers wait
 * for a record's due time by pausing that partition, and throttling and the circuit must stop new
 * sends at once; in Parallel Consumer a not-yet-due record can only be failed and retried in memory
 * (logged and counted as a failure each time), and its whole-consumer pause let ~190
 * already-buffered records start after the pause in our trial. This loop is small enough to test
 * fully with {@code MockConsumer}.
 */
public final class KeyOrderedConsumer implements Runnable {
  private static final Logger LOGGER = LoggerFactory.getLogger(KeyOrderedConsumer.class);
  private static final Duration BUSY_POLL = Duration.ofMillis(5);
  private static final Duration IDLE_POLL = Duration.ofMillis(100);

  private final Consumer<byte[], byte[]> consumer;
  private final Collection<String> topics;
  private final ConsumerLoopConfig config;
  private final LoopHooks hooks;
  private final Clock clock;
  private final Map<TopicPartition, Owned> owned = new HashMap<>();
  private final KeyLanes lanes = new KeyLanes();
  private final BlockingQueue<Task> done = new LinkedBlockingQueue<>();
  private final Set<Task> running = ConcurrentHashMap.newKeySet();
  private final TaskRunner runner;
  private final Pauses pauses;
  private final Commits commits;
  private final OffsetResets resets;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile int buffered;

  public KeyOrderedConsumer(
      Consumer<byte[], byte[]> consumer,
      Collection<String> topics,
      RecordHandler handler,
      ConsumerLoopConfig config,
      LoopHooks hooks,
      Clock clock) {
    this.consumer = consumer;
    this.topics = List.copyOf(topics);
    this.config = config;
    this.hooks = hooks;
    this.clock = clock;
    this.runner = new TaskRunner(handler, done);
    this.pauses = new Pauses(consumer);
    this.commits = new Commits(consumer, config.commitInterval());
    this.resets = new OffsetResets(consumer, hooks.resets());
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(topics, new Rebalance(this));
      while (!stopping) {
        step();
      }
    } catch (RuntimeException e) {
      LOGGER.error("consume loop failed topics={}", topics, e);
      throw e;
    } finally {
      shutDown();
      stopped.countDown();
    }
  }

  /** Stops polling; in-flight records get {@code shutdownTimeout} to finish. */
  public void stop() {
    stopping = true;
  }

  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public int inFlight() {
    return running.size();
  }

  public int buffered() {
    return buffered;
  }

  public int pausedPartitions() {
    return pauses.count();
  }

  private void step() {
    collectFinished(0);
    startReady();
    boolean pauseAll = !hooks.gate().open() || buffered >= config.maxBuffered();
    pauses.apply(owned, pauseAll, clock.instant());
    commits.periodic(owned);
    boolean idle = running.isEmpty() && lanes.waitingCount() == 0;
    take(consumer.poll(idle ? IDLE_POLL : BUSY_POLL));
    startReady();
  }

  private void take(ConsumerRecords<byte[], byte[]> records) {
    Instant now = clock.instant();
    for (TopicPartition partition : records.partitions()) {
      Owned state = owned.get(partition);
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        if (state == null) {
          break;
        }
        if (state.resumeAt != null) {
          consumer.seek(partition, record.offset()); // still waiting: fetch it again when due
          break;
        }
        Optional<Instant> due = hooks.dueGate().notBefore(record);
        if (due.isPresent() && due.get().isAfter(now)) {
          state.resumeAt = due.get();
          consumer.seek(partition, record.offset());
          break;
        }
        state.progress.taken(record.offset());
        lanes.add(record);
      }
    }
    buffered = lanes.waitingCount() + running.size();
  }

  private void startReady() {
    if (!hooks.gate().open()) {
      return;
    }
    while (running.size() < config.maxInFlight()) {
      ConsumerRecord<byte[], byte[]> record = lanes.take();
      if (record == null) {
        return;
      }
      Owned state = owned.get(new TopicPartition(record.topic(), record.partition()));
      Task task = new Task(record, state);
      state.running++;
      running.add(task);
      runner.start(task);
    }
  }

  /** Reports finished tasks to their partitions; waits up to {@code waitMillis} for the first. */
  void collectFinished(long waitMillis) {
    try {
      Task task = waitMillis > 0 ? done.poll(waitMillis, TimeUnit.MILLISECONDS) : done.poll();
      for (; task != null; task = done.poll()) {
        running.remove(task);
        if (owned.get(task.partition()) != task.owner) {
          continue;
        }
        task.owner.running--;
        if (task.finished) {
          task.owner.progress.finished(task.record.offset());
          lanes.finished(task.record);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    buffered = lanes.waitingCount() + running.size();
  }

  /** Forgets partitions that are no longer ours, after waiting for and committing what finished. */
  void release(Collection<TopicPartition> partitions, boolean commit) {
    partitions.forEach(lanes::drop);
    long deadline = System.nanoTime() + config.revokeTimeout().toNanos();
    while (commit && runningIn(partitions) && System.nanoTime() < deadline) {
      collectFinished(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    running.stream()
        .filter(t -> partitions.contains(t.partition()))
        .forEach(t -> DeferredInterrupts.interrupt(t.thread));
    if (commit) {
      commits.beforeLeaving(owned, partitions);
    }
    partitions.forEach(owned::remove);
    pauses.forget(partitions);
    hooks.assignment().assignmentChanged(Set.copyOf(owned.keySet()));
  }

  void assigned(Collection<TopicPartition> partitions) {
    resets.check(partitions);
    partitions.forEach(p -> owned.put(p, new Owned()));
    hooks.assignment().assignmentChanged(Set.copyOf(owned.keySet()));
  }

  private boolean runningIn(Collection<TopicPartition> partitions) {
    return partitions.stream().anyMatch(p -> owned.containsKey(p) && owned.get(p).running > 0);
  }

  private void shutDown() {
    long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
    while (!running.isEmpty() && System.nanoTime() < deadline) {
      collectFinished(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    LOGGER.info("consume loop stopping, abandoning in-flight={}", running.size());
    running.forEach(t -> DeferredInterrupts.interrupt(t.thread));
    // A task inside a shielded section (Meta answered, SENT not yet written) finishes it first;
    // give those the revoke timeout so the process does not exit under them.
    long grace = System.nanoTime() + config.revokeTimeout().toNanos();
    while (!running.isEmpty() && System.nanoTime() < grace) {
      collectFinished(Math.max(1, (grace - System.nanoTime()) / 1_000_000));
    }
    commits.beforeLeaving(owned, Set.copyOf(owned.keySet()));
    consumer.close();
  }
}
