package dev.orderflow.ops.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.kafka.TopicNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineFileTest {
  private static final Path PIPELINE = Path.of("..", "provisioning", "pipeline.yaml");

  @TempDir Path dir;

  @Test
  void pipelineFileDeclaresEveryTopicOfTopicNames() {
    PipelineSpec spec = PipelineFile.read(PIPELINE);

    List<String> declared = spec.topics().stream().map(TopicSpec::name).toList();
    Stream<String> platforms = Stream.of("whatsapp", "instagram");
    List<String> expected =
        Stream.concat(
                Stream.of(
                    TopicNames.ORDERS_SUBMITTED,
                    TopicNames.ORDERS_CREATED,
                    TopicNames.ORDERS_REJECTED,
                    TopicNames.NOTIFY_UNROUTABLE,
                    TopicNames.ROUTER_DEAD_LETTERS,
                    TopicNames.DLQ_REPLAY_AUDIT,
                    TopicNames.DLQ_REPLAY_PROGRESS,
                    TopicNames.NOTIFY_STATUS,
                    TopicNames.BUYER_INBOUND,
                    TopicNames.WEBHOOKS_UNPARSED),
                platforms.flatMap(
                    p ->
                        Stream.of(
                            TopicNames.platformTopic(p),
                            TopicNames.deadLetterTopic(p),
                            TopicNames.retryTopic(p, "30s"),
                            TopicNames.retryTopic(p, "5m"),
                            TopicNames.retryTopic(p, "30m"))))
            .toList();
    assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void retryTiersAndDeadLettersKeepTheirRecordsAtLeastAsLongAsTheTopicTheyParkWorkFor() {
    PipelineSpec spec = PipelineFile.read(PIPELINE);
    Map<String, Long> retention = new HashMap<>();
    spec.topics().forEach(t -> retention.put(t.name(), keptMs(t.retentionMs())));

    Map<String, String> parkedFor = new HashMap<>();
    parkedFor.put(TopicNames.ROUTER_DEAD_LETTERS, TopicNames.ORDERS_CREATED);
    for (String platform : List.of("whatsapp", "instagram")) {
      String main = TopicNames.platformTopic(platform);
      parkedFor.put(TopicNames.deadLetterTopic(platform), main);
      retention.keySet().stream()
          .filter(name -> name.startsWith(TopicNames.retryTopic(platform, "")))
          .forEach(tier -> parkedFor.put(tier, main));
    }

    assertThat(parkedFor).hasSize(1 + 2 * 4);
    parkedFor.forEach(
        (parking, source) ->
            assertThat(retention.get(parking))
                .as("retention of %s, which parks work of %s", parking, source)
                .isGreaterThanOrEqualTo(retention.get(source)));
  }

  @Test
  void localEnvironmentUsesOneReplicaAndTheCommittedCredentials() {
    PipelineSpec spec = PipelineFile.read(PIPELINE);

    EnvironmentSpec local = spec.environment("local");

    assertThat(local.replicationFactor()).isEqualTo(1);
    assertThat(local.ttlUnsupportedIsWarning()).isTrue();
    Path credentials = PIPELINE.getParent().resolve(local.secretValueFile());
    assertThat(SecretValue.read(credentials, spec.secret().requiredKeys()).json())
        .contains("whatsappPhoneNumberId", "metaAppSecret", "webhookVerifyToken");
    assertThat(spec.environment("prod").ttlUnsupportedIsWarning()).isFalse();
  }

  @Test
  void unknownKeyIsRejectedWithItsPath() throws IOException {
    Path file =
        write("environments: {local: {replicationFactor: 1, minInsyncReplicas: 1}}\ntopcs: []\n");

    assertThatThrownBy(() -> PipelineFile.read(file))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("topcs");
  }

  @Test
  void minInsyncAboveReplicationIsRejected() throws IOException {
    Path file = write("environments: {local: {replicationFactor: 1, minInsyncReplicas: 2}}\n");

    assertThatThrownBy(() -> PipelineFile.read(file))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("minInsyncReplicas: must not exceed replicationFactor 1");
  }

  @Test
  void unknownEnvironmentNamesTheOnesThatExist() throws IOException {
    PipelineSpec spec = PipelineFile.read(PIPELINE);

    assertThatThrownBy(() -> spec.environment("qa"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("no environment 'qa'")
        .hasMessageContaining("local");
  }

  @Test
  void secretValueMissingARequiredKeyIsRejected() throws IOException {
    Path file = write("{\"whatsappToken\": \"t\"}");

    assertThatThrownBy(() -> SecretValue.read(file, List.of("whatsappToken", "instagramToken")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("'instagramToken' must be a non-empty string");
  }

  /** retention.ms with -1 (forever) as the longest. */
  private static long keptMs(long retentionMs) {
    return retentionMs == -1 ? Long.MAX_VALUE : retentionMs;
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("file-" + text.hashCode());
    Files.writeString(file, text);
    return file;
  }
}
