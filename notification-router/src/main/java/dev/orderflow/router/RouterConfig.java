package dev.orderflow.router;

import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.router.buyer.BuyerCacheSettings;
import dev.orderflow.router.buyer.DirectoryResilience;
import dev.orderflow.router.buyer.DynamoBuyerDirectory;
import dev.orderflow.router.inbound.InboundSettings;
import dev.orderflow.router.inbound.OptOutKeywords;
import dev.orderflow.router.render.RenderSettings;
import dev.orderflow.router.topology.BatchSettings;
import dev.orderflow.router.topology.RecheckSettings;
import dev.orderflow.router.topology.RouterStreamsConfig;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.router.topology.TopologySettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The router's settings, read once at start-up; every bad value fails with its key named. Defaults
 * live in {@code notification-router.properties} and in the records' {@code defaults()}. Topic
 * names are read with their serdes, by {@link RouterTopics#from}.
 */
public record RouterConfig(
    String applicationId,
    int streamThreads,
    KafkaConfig kafka,
    RegistryConfig registry,
    AwsConfig aws,
    String buyersTable,
    BuyerCacheSettings cache,
    DirectoryResilience resilience,
    TopologySettings topology,
    InboundSettings inbound) {

  public static RouterConfig from(ConfigSource source) {
    KafkaConfig kafka = KafkaConfig.from(source);
    TopologySettings topology =
        new TopologySettings(recheck(source), render(source), batch(source));
    RouterStreamsConfig.refuseConflictingOverrides(
        kafka.streams(), source.string(RouterTopics.DEAD_LETTERS, TopicNames.ROUTER_DEAD_LETTERS));
    String applicationId = source.string("router.application-id", "notification-router");
    return new RouterConfig(
        applicationId,
        streamThreads(source, kafka),
        kafka,
        RegistryConfig.from(source),
        AwsConfig.from(source),
        source.string("buyers.table", "buyers"),
        cache(source),
        resilience(source),
        topology,
        inbound(source, applicationId));
  }

  private static InboundSettings inbound(ConfigSource source, String applicationId) {
    List<String> optOut = source.list("inbound.opt-out.keywords", OptOutKeywords.DEFAULT_OPT_OUT);
    List<String> optIn = source.list("inbound.opt-in.keywords", OptOutKeywords.DEFAULT_OPT_IN);
    OptOutKeywords keywords;
    try {
      keywords = new OptOutKeywords(optOut, optIn);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "inbound.opt-in.keywords", "no keyword also in inbound.opt-out.keywords", e.getMessage());
    }
    return new InboundSettings(
        source.bool("inbound.enabled", true),
        source.string("topics.buyer-inbound", TopicNames.BUYER_INBOUND),
        source.string("inbound.consumer-group", applicationId + "-inbound"),
        keywords);
  }

  /**
   * {@code router.stream-threads}; {@code kafka.streams.num.stream.threads} is honoured when it is
   * the only one set, and refused when it says something else.
   */
  private static int streamThreads(ConfigSource source, KafkaConfig kafka) {
    String key = "router.stream-threads";
    String override = kafka.streams().get(StreamsConfig.NUM_STREAM_THREADS_CONFIG);
    if (override == null) {
      return source.intInRange(key, 1, 64, 1);
    }
    int threads;
    try {
      threads = Integer.parseInt(override.strip());
    } catch (NumberFormatException e) {
      threads = 0;
    }
    if (threads < 1 || threads > 64) {
      throw new ConfigException("kafka.streams.num.stream.threads", "1 to 64", override);
    }
    int own = source.intInRange(key, 1, 64, threads);
    if (own != threads && source.find(key).isPresent()) {
      throw new ConfigException(
          "kafka.streams.num.stream.threads",
          "the same as router.stream-threads (" + own + "), or no value",
          override);
    }
    return threads;
  }

  private static BuyerCacheSettings cache(ConfigSource source) {
    BuyerCacheSettings d = BuyerCacheSettings.defaults();
    return new BuyerCacheSettings(
        source.intInRange("buyers.cache.max-size", 0, 10_000_000, (int) d.maximumSize()),
        source.duration("buyers.cache.found-ttl", d.foundTtl()),
        source.duration("buyers.cache.unknown-ttl", d.unknownTtl()));
  }

  private static DirectoryResilience resilience(ConfigSource source) {
    DirectoryResilience d = DirectoryResilience.defaults();
    return new DirectoryResilience(
        source.intInRange("buyers.retry.max-attempts", 1, 20, d.maxAttempts()),
        source.duration("buyers.retry.initial-backoff", d.initialBackoff()),
        source.duration("buyers.retry.max-backoff", d.maxBackoff()),
        source.duration("buyers.circuit.open-wait", d.openStateWait()));
  }

  private static RecheckSettings recheck(ConfigSource source) {
    RecheckSettings d = RecheckSettings.defaults();
    return new RecheckSettings(
        source.duration("buyers.recheck.delay", d.delay()),
        source.duration("buyers.recheck.interval", d.checkInterval()));
  }

  private static BatchSettings batch(ConfigSource source) {
    BatchSettings d = BatchSettings.defaults();
    int max = DynamoBuyerDirectory.MAX_BATCH_KEYS;
    return new BatchSettings(
        source.intInRange("buyers.batch.max-size", 1, max, d.maxOrders()),
        source.duration("buyers.batch.linger", d.linger()),
        source.intInRange("buyers.recheck.batch-size", 1, max, d.recheckMaxOrders()));
  }

  private static RenderSettings render(ConfigSource source) {
    RenderSettings d = RenderSettings.defaults();
    return new RenderSettings(
        source.string("whatsapp.template.name", d.templateName()),
        languages(source, d.templateLanguages()),
        source.string("whatsapp.template.default-language", d.defaultTemplateLanguage()),
        source.intInRange("render.instagram.max-bytes", 200, 1000, d.instagramMaxBytes()),
        source.intInRange("render.whatsapp.max-bytes", 200, 4096, d.whatsappTextMaxBytes()));
  }

  /** {@code en:en,pcm:en}: rendering language → approved template language code. */
  private static Map<String, String> languages(ConfigSource source, Map<String, String> defaults) {
    String key = "whatsapp.template.languages";
    List<String> pairs = source.list(key, List.of());
    if (pairs.isEmpty()) {
      return defaults;
    }
    Map<String, String> languages = new LinkedHashMap<>();
    for (String pair : pairs) {
      String[] parts = pair.split(":", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new ConfigException(
            key, "language:templateLanguage pairs such as en:en,pcm:en", pair);
      }
      languages.put(parts[0].strip(), parts[1].strip());
    }
    return languages;
  }
}
