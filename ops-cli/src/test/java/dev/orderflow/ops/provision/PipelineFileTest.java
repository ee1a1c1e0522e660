package dev.orderflow.ops.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.kafka.TopicNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private Path write(String text) throws IOException {
    Path file = dir.resolve("file-" + text.hashCode());
    Files.writeString(file, text);
    return file;
  }
}
