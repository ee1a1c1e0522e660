package dev.orderflow.sender.retry;

import dev.orderflow.common.kafka.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hops of one platform: main topic, delay tiers ({@code notify.<platform>.retry.<delay>}) and
 * the dead-letter topic. Built once from config; answers which hop a topic is and which comes next.
 */
public final class RetryTopology {
  private final List<HopPolicy> hops;
  private final Map<String, HopPolicy> byTopic;
  private final String deadLetterTopic;

  private RetryTopology(List<HopPolicy> hops, String deadLetterTopic) {
    this.hops = List.copyOf(hops);
    this.byTopic = hops.stream().collect(Collectors.toMap(HopPolicy::topic, Function.identity()));
    this.deadLetterTopic = deadLetterTopic;
  }

  /**
   * @param mainTopic the platform's main topic (configurable, default {@code notify.<p>.v1})
   * @param delays one delay tier per entry, in order (e.g. 30s, 5m, 30m); may be empty
   */
  public static RetryTopology of(
      String platform,
      String mainTopic,
      int mainAttempts,
      List<Duration> delays,
      int tierAttempts) {
    List<HopPolicy> hops = new ArrayList<>();
    hops.add(new HopPolicy(Hop.MAIN, 0, mainTopic, Duration.ZERO, mainAttempts));
    for (int i = 0; i < delays.size(); i++) {
      String topic = TopicNames.retryTopic(platform, delayName(delays.get(i)));
      hops.add(new HopPolicy(Hop.RETRY, i + 1, topic, delays.get(i), tierAttempts));
    }
    return new RetryTopology(hops, TopicNames.deadLetterTopic(platform));
  }

  /** The hop a consumed topic belongs to; unknown topics are a wiring bug. */
  public HopPolicy hopOf(String topic) {
    HopPolicy hop = byTopic.get(topic);
    if (hop == null) {
      throw new IllegalArgumentException("not a topic of this sender: " + topic);
    }
    return hop;
  }

  /** The delay tier after {@code current}, or empty when the next stop is the dead-letter topic. */
  public Optional<HopPolicy> after(HopPolicy current) {
    int next = hops.indexOf(current) + 1;
    return next < hops.size() ? Optional.of(hops.get(next)) : Optional.empty();
  }

  /** The tier a throttled record waits on: the first delay tier, or its own tier. */
  public Optional<HopPolicy> throttleTier(HopPolicy current) {
    return current.hop() == Hop.RETRY ? Optional.of(current) : after(current);
  }

  public HopPolicy main() {
    return hops.get(0);
  }

  public String deadLetterTopic() {
    return deadLetterTopic;
  }

  public List<String> consumedTopics() {
    return hops.stream().map(HopPolicy::topic).toList();
  }

  /** 30s, 5m, 2h: the largest whole unit, as in {@code notify.whatsapp.retry.5m}. */
  static String delayName(Duration delay) {
    long seconds = delay.toSeconds();
    if (seconds <= 0 || delay.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("retry delay: expected whole seconds, got " + delay);
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
