package dev.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.AvroSerializer;
import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RequestedNotifications;
import dev.orderflow.testsupport.TestStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;

/**
 * A real scrape: each service runs as its own process on the local stack (unique topics, tables,
 * secret and group or application ids, so they touch nothing of anyone else's) and its /metrics is
 * compared with what {@link ExposedMetrics} predicts. A sender's delay tiers are named by platform
 * and shared on the stack, so the senders here run with one tier of a delay no other test uses
 * ({@value #SENDER_TIER}) against an embedded Meta simulator, and their one notification is
 * delivered: nothing of theirs reaches a shared topic. It proves the prediction's naming on a live
 * service and that every metric the rules and dashboard read is really there; meters that exist
 * only after their first event of a kind (a failure, a takeover) are covered by {@link
 * MetricNamesTest} alone.
 */
@RealStack
class ServiceScrapeIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Read by rules or panels but created only after an event this test does not cause. */
  private static final Set<String> AFTER_FIRST_EVENT =
      Set.of(
          "jvm_gc_pause_seconds_sum",
          // meta-webhooks counts per platform and status or object: one per event kind.
          "webhooks_statuses_total",
          "webhooks_inbound_total",
          "webhooks_unparsed_total");

  /** The senders' one delay tier: no other test's sender uses it. */
  private static final String SENDER_TIER = "23s";

  /**
   * A sender's meters created by an event one delivered notification does not cause: a failure, a
   * retry, a throttle answer, a channel pause, a dead letter, a ledger takeover, a status webhook.
   */
  private static final Set<String> SENDER_AFTER_FIRST_EVENT =
      Set.of(
          "sender_failed_total",
          "sender_retries_total",
          "sender_throttled_total",
          "sender_channel_pauses_total",
          "sender_dead_letters_total",
          "sender_ledger_takeovers_total",
          "sender_status_after_send_seconds_bucket");

  @Test
  void aRunningOrderIngestExportsWhatTheRulesAndDashboardRead(TestStack stack) throws Exception {
    String submitted = stack.uniqueTopic("orders.submitted.v1");
    String created = stack.uniqueTopic("orders.created.v1");
    String rejected = stack.uniqueTopic("orders.rejected.v1");
    stack.createTopics(1, submitted, created, rejected);
    Map<String, String> env = stack.serviceEnvironment();
    env.put("INGEST_APPLICATION_ID", stack.uniqueName("deploy-it-ingest"));
    env.put("TOPICS_ORDERS_SUBMITTED", submitted);
    env.put("TOPICS_ORDERS_CREATED", created);
    env.put("TOPICS_ORDERS_REJECTED", rejected);
    try (RunningService ingest =
        RunningService.start("dev.orderflow.ingest.OrderIngestMain", env)) {
      // One unreadable submission: its rejection creates the per-reason counter, which exists
      // only after a first rejection.
      try (var producer = stack.producer()) {
        producer
            .send(
                new ProducerRecord<>(submitted, "deploy-it".getBytes(), "not an order".getBytes()))
            .get();
      }
      Set<String> scraped = ingest.scrapeUntil("ingest_rejection_reasons_total");

      assertOwnMetricsPredicted(scraped, "ingest_");
      // Every ingest, JVM, process and Kafka metric the rules and the dashboard read is served.
      Set<String> expectedHere =
          usedWith(Set.of("ingest_", "jvm_", "process_", "kafka_", "consumer_"));
      assertThat(expectedHere)
          .contains("kafka_consumer_fetch_manager_records_lag_max", "consumer_lag_age_seconds");
      assertThat(scraped).containsAll(expectedHere);
    }
  }

  @Test
  void aRunningRouterExportsWhatTheRulesAndDashboardRead(TestStack stack) throws Exception {
    String created = stack.uniqueTopic("orders.created.v1");
    String whatsapp = stack.uniqueTopic("notify.whatsapp.v1");
    String instagram = stack.uniqueTopic("notify.instagram.v1");
    String unroutable = stack.uniqueTopic("notify.unroutable.v1");
    String deadLetters = stack.uniqueTopic("notification-router.dlq.v1");
    String inbound = stack.uniqueTopic("buyer.inbound.v1");
    stack.createTopics(1, created, whatsapp, instagram, unroutable, deadLetters, inbound);
    String buyers = stack.uniqueTable("buyers");
    stack.createTable(buyers, "buyerId", "whatsappPhone", "instagramScopedId");
    Map<String, String> env = stack.serviceEnvironment();
    env.put("ROUTER_APPLICATION_ID", stack.uniqueName("deploy-it-router"));
    env.put("TOPICS_ORDERS_CREATED", created);
    env.put("TOPICS_NOTIFY_WHATSAPP", whatsapp);
    env.put("TOPICS_NOTIFY_INSTAGRAM", instagram);
    env.put("TOPICS_UNROUTABLE", unroutable);
    env.put("TOPICS_DEAD_LETTERS", deadLetters);
    env.put("TOPICS_BUYER_INBOUND", inbound);
    env.put("BUYERS_TABLE", buyers);
    try (RunningService router =
        RunningService.start("dev.orderflow.router.NotificationRouterMain", env)) {
      Set<String> scraped = router.scrapeUntil("router_");

      assertOwnMetricsPredicted(scraped, "router_");
      assertThat(scraped).containsAll(usedWith(Set.of("router_")));
    }
  }

  @Test
  void aRunningMetaWebhooksExportsWhatTheRulesAndDashboardRead(TestStack stack) throws Exception {
    String status = stack.uniqueTopic("notify.status.v1");
    String inbound = stack.uniqueTopic("buyer.inbound.v1");
    String unparsed = stack.uniqueTopic("meta-webhooks.unparsed.v1");
    stack.createTopics(1, status, inbound, unparsed);
    String secret = stack.uniqueName("deploy-it/meta-credentials");
    putSecret(stack, secret, "{\"metaAppSecret\":\"s\",\"webhookVerifyToken\":\"t\"}");
    Map<String, String> env = stack.serviceEnvironment();
    env.put("CREDENTIALS_SECRET_NAME", secret);
    env.put("TOPICS_NOTIFY_STATUS", status);
    env.put("TOPICS_BUYER_INBOUND", inbound);
    env.put("TOPICS_WEBHOOKS_UNPARSED", unparsed);
    int port = freePort();
    env.put("WEBHOOKS_HTTP_PORT", Integer.toString(port));
    try (RunningService webhooks =
        RunningService.start("dev.orderflow.webhooks.MetaWebhooksMain", env)) {
      // Its meters exist from the first request on: an unsigned POST, refused with 401.
      HttpResponse<String> refused =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/meta"))
                  .timeout(Duration.ofSeconds(5))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
      Set<String> scraped = webhooks.scrapeUntil("webhooks_");

      assertOwnMetricsPredicted(scraped, "webhooks_");
      assertThat(scraped).containsAll(usedWith(Set.of("webhooks_")));
    }
  }

  @Test
  void aRunningWhatsAppSenderExportsWhatTheRulesAndDashboardRead(TestStack stack) throws Exception {
    String phone = "+23480" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    NotificationRequested template =
        RequestedNotifications.whatsappTemplate("ORD-DEPLOY-1", "buyer-deploy", phone).build();

    scrapeSenderAfterItsFirstSend(
        stack, Platform.WHATSAPP, "dev.orderflow.whatsapp.WhatsAppSenderMain", template);
  }

  @Test
  void aRunningInstagramSenderExportsWhatTheRulesAndDashboardRead(TestStack stack)
      throws Exception {
    String igsid = "deploy" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    NotificationRequested text =
        RequestedNotifications.builder(
                "ORD-DEPLOY-2", "buyer-deploy", dev.orderflow.schema.Platform.INSTAGRAM, igsid)
            .setInsideServiceWindow(true)
            .build();

    scrapeSenderAfterItsFirstSend(
        stack, Platform.INSTAGRAM, "dev.orderflow.instagram.InstagramSenderMain", text);
  }

  /** The sender delivers {@code notification} to an embedded Meta, then its scrape is checked. */
  private static void scrapeSenderAfterItsFirstSend(
      TestStack stack, Platform platform, String mainClass, NotificationRequested notification)
      throws Exception {
    // The simulator files WhatsApp numbers without their '+'.
    String recipient = notification.getRecipient().replaceFirst("^\\+", "");
    try (RunningSimulator meta = MetaGraphSimulator.start(SimulatorConfig.ephemeral());
        RunningService sender =
            startSender(stack, platform.wireName(), mainClass, meta, notification)) {
      await("the notification delivered")
          .atMost(Duration.ofSeconds(60))
          .until(() -> !meta.client().messages(platform, recipient).isEmpty());
      assertSenderMetrics(sender.scrapeUntil("sender_sent_total"));
    }
  }

  /**
   * A sender of a group, main topic, ledger table and secret of its own, pointed at {@code meta},
   * with {@code notification} already on its main topic.
   */
  private static RunningService startSender(
      TestStack stack,
      String platform,
      String mainClass,
      RunningSimulator meta,
      NotificationRequested notification)
      throws Exception {
    String main = stack.uniqueTopic(TopicNames.platformTopic(platform));
    stack.createTopic(main, 1);
    createIfAbsent(stack, TopicNames.retryTopic(platform, SENDER_TIER));
    String ledger = stack.uniqueTable("ledger");
    stack.createTable(ledger, "notificationId");
    String secret = stack.uniqueName("deploy-it/" + platform + "-credentials");
    putSecret(
        stack,
        secret,
        """
        {"whatsappToken":"%s","whatsappPhoneNumberId":"%s",\
        "instagramToken":"%s","instagramAccountId":"%s"}"""
            .formatted(
                SimulatorSettings.DEFAULT_WHATSAPP_TOKEN,
                SimulatorSettings.DEFAULT_PHONE_NUMBER_ID,
                SimulatorSettings.DEFAULT_INSTAGRAM_TOKEN,
                SimulatorSettings.DEFAULT_INSTAGRAM_ID));
    // On the topic before the sender starts: its new group reads from the start.
    try (var serializer =
            new AvroSerializer<NotificationRequested>(
                AvroSerdeConfig.localStack(stack.registryUrl().toString()));
        var producer = stack.producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  main,
                  notification.getBuyerId().getBytes(StandardCharsets.UTF_8),
                  serializer.serialize(main, notification)))
          .get();
    }
    Map<String, String> env = stack.serviceEnvironment();
    env.put("SENDER_MAIN_TOPIC", main);
    env.put("SENDER_GROUP_ID", stack.uniqueName("deploy-it-" + platform));
    env.put("LEDGER_TABLE", ledger);
    env.put("CREDENTIALS_SECRET_NAME", secret);
    env.put("RETRY_DELAYS", SENDER_TIER);
    env.put("META_GRAPH_URL", meta.baseUri().toString());
    return RunningService.start(mainClass, env);
  }

  /** The framework's meters as the prediction names them, and all the rules and panels read. */
  private static void assertSenderMetrics(Set<String> scraped) throws IOException {
    assertOwnMetricsPredicted(scraped, "sender_");
    Set<String> expectedHere = usedWith(Set.of("sender_", "kafka_", "consumer_"));
    expectedHere.removeAll(SENDER_AFTER_FIRST_EVENT);
    assertThat(expectedHere).contains("sender_sent_total", "sender_circuit_state");
    assertThat(scraped).containsAll(expectedHere);
  }

  private static void createIfAbsent(TestStack stack, String topic) throws Exception {
    try {
      stack.admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static void putSecret(TestStack stack, String name, String json) {
    ConfigSource aws =
        ConfigSource.of(
            Map.of(
                "aws.region", stack.awsRegion(),
                "aws.endpoint.url.secrets.manager", stack.secretsEndpoint().toString()),
            Map.of());
    try (var secrets = new AwsClients(AwsConfig.from(aws)).secretsManager()) {
      secrets.createSecret(b -> b.name(name).secretString(json));
    }
  }

  /** The prediction names the service's meters as the service itself does. */
  private static void assertOwnMetricsPredicted(Set<String> scraped, String prefix) {
    Set<String> own =
        scraped.stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
    assertThat(own).isNotEmpty();
    assertThat(ExposedMetrics.names()).containsAll(own);
  }

  /** What the rules and the dashboard read, of these prefixes, less what needs a first event. */
  private static Set<String> usedWith(Set<String> prefixes) throws IOException {
    Set<String> used = new TreeSet<>();
    MetricNamesTest.rules().forEach(r -> used.addAll(PromQl.metricNames(r.get("expr").asText())));
    for (Path d : MetricNamesTest.dashboards()) {
      Repo.jsonFile(d).findValues("expr").forEach(e -> used.addAll(PromQl.metricNames(e.asText())));
    }
    return used.stream()
        .filter(n -> prefixes.stream().anyMatch(n::startsWith))
        .filter(n -> !AFTER_FIRST_EVENT.contains(n))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** A service's main as its own process on this class path, its ops port scraped. */
  private record RunningService(Process process, URI ops, Path log) implements AutoCloseable {
    static RunningService start(String mainClass, Map<String, String> env) throws Exception {
      int opsPort = freePort();
      Path log = Files.createTempFile("deploy-it-" + mainClass.replaceAll(".*\\.", ""), ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      builder.environment().put("OPS_PORT", Integer.toString(opsPort));
      builder.environment().put("SERVICE_INSTANCE", "deploy-it");
      builder
          .environment()
          .put("KAFKA_STREAMS_STATE_DIR", Files.createTempDirectory("deploy-it-state").toString());
      RunningService service =
          new RunningService(builder.start(), URI.create("http://127.0.0.1:" + opsPort), log);
      awaitReady(service.ops, service.process, log);
      return service;
    }

    /** Scrapes until a sample name starting with {@code wanted} is there, or 60 s. */
    Set<String> scrapeUntil(String wanted) throws Exception {
      Set<String> scraped = Set.of();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (scraped.stream().noneMatch(n -> n.startsWith(wanted))
          && System.nanoTime() < deadline) {
        Thread.sleep(500);
        scraped = ExposedMetrics.sampleNames(get(ops.resolve("/metrics")).body());
      }
      return scraped;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static void awaitReady(URI ops, Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the service exited:\n" + Files.readString(log)).isTrue();
      try {
        if (get(ops.resolve("/health/ready")).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the service is not ready in 120 s:\n" + Files.readString(log));
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
