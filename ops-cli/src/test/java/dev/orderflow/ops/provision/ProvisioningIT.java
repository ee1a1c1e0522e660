package dev.orderflow.ops.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.contracts.Contract;
import dev.orderflow.common.contracts.ContractCheck;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.common.serde.AvroDeserializer;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.AvroSerializer;
import dev.orderflow.ops.OpsCli;
import dev.orderflow.ops.connect.ConnectionOptions;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Runs {@code ops provision} against the local stack (dev/start.sh) with unique names per test. */
class ProvisioningIT {
  private static final String KAFKA = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
  private static final String REGISTRY =
      env("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
  private static final String DYNAMO = env("AWS_ENDPOINT_URL", "http://127.0.0.1:4567");
  private static final String SECRETS =
      env("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:4584");

  /** What the tool sees as its environment: the stack's addresses, nothing else assumed. */
  private static final Map<String, String> ENV =
      Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", KAFKA,
          "SCHEMA_REGISTRY_URL", REGISTRY,
          "AWS_REGION", "eu-west-1",
          "AWS_ENDPOINT_URL", DYNAMO,
          "AWS_ENDPOINT_URL_SECRETS_MANAGER", SECRETS);

  private static Clients clients;

  @TempDir Path dir;
  private final String id = "it-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void connect() {
    clients =
        Clients.connect(
            new ConnectionOptions(ENV).connect(new PrintWriter(new StringWriter()), Map.of()));
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void provisionsWhatTheFileDeclaresAndASecondRunChangesNothing() throws Exception {
    // Given
    Path file = pipelineFile(4, 3_600_000L, "v1");

    // When
    Run first = provision(file);
    Run second = provision(file);

    // Then
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("changed").contains("topic " + id + ".events.v1");
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).doesNotContain("changed ").contains("no changes");
    assertThat(partitions(id + ".events.v1")).isEqualTo(4);
    Config events = topicConfig(id + ".events.v1");
    assertThat(events.get("retention.ms").value()).isEqualTo("3600000");
    assertThat(events.get("cleanup.policy").value()).isEqualTo("delete");
    assertThat(events.get("min.insync.replicas").value()).isEqualTo("1");
    assertThat(topicConfig(id + ".state.v1").get("cleanup.policy").value()).isEqualTo("compact");
    TableDescription table =
        clients.dynamo().describeTable(b -> b.tableName(id + "-ledger")).table();
    assertThat(table.tableStatusAsString()).isEqualTo("ACTIVE");
    assertThat(table.keySchema())
        .singleElement()
        .satisfies(k -> assertThat(k.attributeName()).isEqualTo("notificationId"));
    assertThat(secretValue()).contains("\"whatsappToken\":\"v1\"");
    assertThat(subjectCompatibility()).contains("\"FULL\"");
  }

  @Test
  void indexesAreCreatedWithANewTable() throws Exception {
    // When
    Run created = provision(tableFile("buyers-new", CONTACT_INDEXES));
    Run again = provision(tableFile("buyers-new", CONTACT_INDEXES));

    // Then
    assertThat(created.exitCode()).as(created.output() + created.errors()).isZero();
    assertThat(created.output()).contains("indexes [whatsappPhone-index, instagramScopedId-index]");
    assertThat(again.output()).doesNotContain("add index").contains("no changes");
    assertThat(
            clients
                .dynamo()
                .describeTable(b -> b.tableName(id + "-buyers-new"))
                .table()
                .globalSecondaryIndexes())
        .extracting(i -> i.indexName() + ":" + i.indexStatusAsString())
        .containsExactlyInAnyOrder("whatsappPhone-index:ACTIVE", "instagramScopedId-index:ACTIVE");
  }

  // DynamoDB adds an index to a live table (UpdateTable); dynalite validates the request and
  // ignores it. Against it, the provisioner must say so rather than report the index as made.
  @Test
  void anIndexTheEndpointDoesNotAddToAnExistingTableIsAWarning() throws Exception {
    // Given: the buyers table of an earlier release, without its contact indexes
    provision(tableFile("buyers-old", List.of()));

    // When
    Run added = provision(tableFile("buyers-old", CONTACT_INDEXES));

    // Then
    assertThat(added.exitCode()).as(added.output() + added.errors()).isZero();
    assertThat(added.output())
        .contains("add index whatsappPhone-index on whatsappPhone")
        .contains("warning")
        .contains("index whatsappPhone-index was accepted but not created")
        .contains("dev/stop.sh --reset");
  }

  @Test
  void growsPartitionsAndAlignsConfigsButNeverShrinks() throws Exception {
    // Given
    provision(pipelineFile(2, 3_600_000L, "v1"));

    // When
    Run grown = provision(pipelineFile(5, 7_200_000L, "v1"));
    Run shrunk = provision(pipelineFile(1, 7_200_000L, "v1"));

    // Then
    assertThat(grown.output())
        .contains("partitions 2 -> 5")
        .contains("retention.ms 3600000 -> 7200000");
    assertThat(shrunk.exitCode()).isZero();
    assertThat(shrunk.output()).contains("warning").contains("partitions are never removed");
    assertThat(partitions(id + ".events.v1")).isEqualTo(5);
    assertThat(topicConfig(id + ".events.v1").get("retention.ms").value()).isEqualTo("7200000");
  }

  @Test
  void dryRunReportsChangesAndMakesNone() throws Exception {
    // When
    Run dry = provision(pipelineFile(3, 3_600_000L, "v1"), "--dry-run");

    // Then
    assertThat(dry.exitCode()).as(dry.output()).isZero();
    assertThat(dry.output()).contains("would change").contains("change(s) to make");
    assertThat(clients.admin().listTopics().names().get(30, TimeUnit.SECONDS))
        .doesNotContain(id + ".events.v1");
    assertThat(clients.dynamo().listTables().tableNames()).doesNotContain(id + "-ledger");
  }

  @Test
  void existingSecretIsLeftAloneUnlessRotationIsAsked() throws Exception {
    // Given
    provision(pipelineFile(1, 3_600_000L, "v1"));
    Path changed = pipelineFile(1, 3_600_000L, "v2");

    // When
    Run plain = provision(changed);
    String afterPlain = secretValue();
    Run rotation = provision(changed, "--rotate-secret");

    // Then
    assertThat(plain.output()).contains("no changes");
    assertThat(afterPlain).contains("\"whatsappToken\":\"v1\"");
    assertThat(rotation.output()).contains("secret " + id + "/meta-credentials: put a new value");
    assertThat(secretValue()).contains("\"whatsappToken\":\"v2\"");
  }

  @Test
  void contractSchemasAreListedByDryRunRegisteredOnceAndFoundBySerializersThatNeverRegister()
      throws Exception {
    // Given an empty subject
    String topic = id + ".notify.v1";
    Path file = schemaFile(topic, "NotificationRequested.avsc");

    // When
    Run dry = provision(file, "--dry-run");
    boolean subjectAfterDryRun = hasVersions(topic + "-value");
    Run first = provision(file);
    Run second = provision(file);

    // Then
    assertThat(dry.output())
        .contains(
            "would change registry subject "
                + topic
                + "-value: register NotificationRequested.avsc"
                + " (dev.orderflow.schema.NotificationRequested)");
    assertThat(subjectAfterDryRun).isFalse();
    assertThat(first.exitCode()).as(first.errors()).isZero();
    assertThat(first.output()).contains("changed      registry subject " + topic + "-value");
    assertThat(second.output()).isEqualTo("no changes" + System.lineSeparator());
    NotificationRequested value = notification();
    try (SchemaRegistryClient registry = new SchemaRegistryClient(REGISTRY)) {
      byte[] bytes =
          new AvroSerializer<NotificationRequested>(registry, AvroSerdeConfig.production(REGISTRY))
              .serialize(topic, value);
      assertThat(
              new AvroDeserializer<>(registry, NotificationRequested.class)
                  .deserialize(topic, bytes))
          .isEqualTo(value);
      assertThat(
              new ContractCheck(registry, false, "itest")
                  .firstProblem(
                      List.of(
                          Contract.writes(topic, NotificationRequested.getClassSchema()),
                          Contract.reads(topic, NotificationRequested.getClassSchema()))))
          .isEmpty();
    }
  }

  @Test
  void aSchemaTheSubjectRefusesFailsTheRunNamingTheSubjectAndRegistersNothing() throws Exception {
    // Given a subject that holds NotificationRequested
    String topic = id + ".mixed.v1";
    provision(schemaFile(topic, "NotificationRequested.avsc"));

    // When the file now says an unrelated record belongs there
    Run run = provision(schemaFile(topic, "OrderCreated.avsc"));

    // Then
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors())
        .contains("refuses these schemas")
        .contains(topic + "-value (OrderCreated.avsc)");
    try (SchemaRegistryClient registry = new SchemaRegistryClient(REGISTRY)) {
      assertThat(registry.latest(topic + "-value").version()).isEqualTo(1);
    }
  }

  @Test
  void invalidFileFailsWithOneLineNamingTheKey() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        environments: {local: {replicationFactor: 1, minInsyncReplicas: 1}}
        topics: [{name: %s.bad.v1, partitions: 0, retentionMs: 1000, cleanupPolicy: delete}]
        """
            .formatted(id));

    Run run = provision(file);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors()).contains("topics[" + id + ".bad.v1].partitions: must be 1 or more");
  }

  private record Run(int exitCode, String output, String errors) {}

  private Run provision(Path file, String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("provision", "--file", file.toString()));
    args.addAll(
        List.of("--env", "itest", "--bootstrap-servers", KAFKA, "--registry-url", REGISTRY));
    args.addAll(List.of("--dynamodb-endpoint", DYNAMO, "--secrets-endpoint", SECRETS));
    args.addAll(List.of(extra));
    int exitCode =
        OpsCli.commandLine(ENV)
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    return new Run(exitCode, out.toString(), err.toString());
  }

  private Path pipelineFile(int partitions, long retentionMs, String token) throws IOException {
    Path credentials = dir.resolve("credentials-" + token + ".json");
    Files.writeString(
        credentials,
        """
        {"whatsappToken": "%s", "whatsappPhoneNumberId": "1", "instagramToken": "t",
         "instagramAccountId": "2"}"""
            .formatted(token));
    Path file = dir.resolve("pipeline-" + partitions + "-" + retentionMs + "-" + token + ".yaml");
    Files.writeString(
        file,
        """
        environments:
          itest: {replicationFactor: 1, minInsyncReplicas: 1, ttlUnsupportedIsWarning: true,
                  secretValueFile: %s}
        topics:
          - {name: %s.events.v1, partitions: %d, retentionMs: %d, cleanupPolicy: delete}
          - {name: %s.state.v1, partitions: 1, retentionMs: -1, cleanupPolicy: compact}
        tables:
          - {name: %s-ledger, hashKey: {name: notificationId, type: S}, ttlAttribute: expiresAt}
        registry:
          globalCompatibility: BACKWARD
          subjects: {%s.events.v1-value: FULL}
        secret:
          name: "%s/meta-credentials"
          requiredKeys: [whatsappToken, whatsappPhoneNumberId, instagramToken, instagramAccountId]
        """
            .formatted(credentials.getFileName(), id, partitions, retentionMs, id, id, id, id));
    return file;
  }

  private static final List<String> CONTACT_INDEXES =
      List.of("whatsappPhone-index", "instagramScopedId-index");

  /** A file with one buyers-like table and the named indexes (hash key: the name before '-'). */
  private Path tableFile(String table, List<String> indexes) throws IOException {
    String indexList =
        indexes.stream()
            .map(
                i ->
                    "{name: %s, hashKey: {name: %s, type: S}}"
                        .formatted(i, i.substring(0, i.indexOf('-'))))
            .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    Path file = dir.resolve(table + "-" + indexes.size() + ".yaml");
    Files.writeString(
        file,
        """
        environments:
          itest: {replicationFactor: 1, minInsyncReplicas: 1}
        tables:
          - {name: %s-%s, hashKey: {name: buyerId, type: S}, indexes: %s}
        """
            .formatted(id, table, indexList));
    return file;
  }

  private Path schemaFile(String topic, String schema) throws IOException {
    Path file = dir.resolve(topic + "-" + schema + ".yaml");
    Files.writeString(
        file,
        """
        environments:
          itest: {replicationFactor: 1, minInsyncReplicas: 1}
        registry:
          globalCompatibility: BACKWARD
          subjects:
            %s-value: {compatibility: BACKWARD, schema: %s}
        """
            .formatted(topic, schema));
    return file;
  }

  private boolean hasVersions(String subject) {
    try (SchemaRegistryClient registry = new SchemaRegistryClient(REGISTRY)) {
      registry.latest(subject);
      return true;
    } catch (SchemaRegistryException e) {
      assertThat(e.isNotFound()).as(e.getMessage()).isTrue();
      return false;
    }
  }

  private static NotificationRequested notification() {
    return NotificationRequested.newBuilder()
        .setNotificationId("v-1:A-1:whatsapp")
        .setOrderId("v-1:A-1")
        .setBuyerId("buyer-1")
        .setPlatform(Platform.WHATSAPP)
        .setRecipient("+2348030000001")
        .setLocale("en-NG")
        .setCurrency("NGN")
        .setTotalMinor(138_000_000L)
        .setText("Your order A-1 is confirmed")
        .setTemplate(null)
        .setInsideServiceWindow(false)
        .setCorrelationId("corr-v-1:A-1")
        .setRequestedAt(Instant.parse("2026-05-01T09:00:00Z"))
        .build();
  }

  private int partitions(String topic) throws Exception {
    return clients
        .admin()
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .size();
  }

  private Config topicConfig(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return clients
        .admin()
        .describeConfigs(List.of(resource))
        .all()
        .get(30, TimeUnit.SECONDS)
        .get(resource);
  }

  private String secretValue() {
    return clients
        .secrets()
        .getSecretValue(b -> b.secretId(id + "/meta-credentials"))
        .secretString();
  }

  private String subjectCompatibility() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(REGISTRY + "/config/" + id + ".events.v1-value")).build();
    return clients.http().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String env(String name, String fallback) {
    return System.getenv().getOrDefault(name, fallback);
  }
}
