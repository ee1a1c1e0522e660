package dev.orderflow.ops.dlq;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the audit and progress topics on first use, saying so: provisioning should own them in
 * production, but a replay must never fail halfway for want of its own bookkeeping.
 */
final class ReplayTopics {
  private ReplayTopics() {}

  static void ensure(
      Admin admin,
      Set<String> existing,
      String auditTopic,
      String progressTopic,
      Duration timeout,
      PrintWriter err) {
    if (!existing.contains(auditTopic)) {
      create(admin, new NewTopic(auditTopic, Optional.of(1), Optional.empty()), timeout, err);
    }
    if (!existing.contains(progressTopic)) {
      NewTopic compacted =
          new NewTopic(progressTopic, Optional.of(1), Optional.empty())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      create(admin, compacted, timeout, err);
    }
  }

  private static void create(Admin admin, NewTopic topic, Duration timeout, PrintWriter err) {
    try {
      admin.createTopics(Set.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      err.printf("created topic %s%n", topic.name());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw DlqException.usage("cannot create topic " + topic.name() + ": " + e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DlqException.usage("interrupted while creating topic " + topic.name());
    } catch (TimeoutException e) {
      throw DlqException.usage("creating topic " + topic.name() + " timed out");
    }
  }
}
