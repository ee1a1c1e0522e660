package dev.orderflow.ops.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.schema.ContractSchemas;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * schemas/asyncapi.yaml against what the code uses: the topics of provisioning/pipeline.yaml (which
 * PipelineFileTest holds to common's TopicNames), their partitions and registry subjects, the
 * contract files, and common's HeaderNames.
 */
class AsyncApiDocTest {
  private static final Path SCHEMAS = Path.of("..", "schemas");
  private static final PipelineSpec PIPELINE =
      PipelineFile.read(Path.of("..", "provisioning", "pipeline.yaml"));
  private static JsonNode doc;

  @BeforeAll
  static void read() throws IOException {
    doc = new ObjectMapper(new YAMLFactory()).readTree(SCHEMAS.resolve("asyncapi.yaml").toFile());
  }

  @Test
  void itIsAnAsyncApi3DocumentWithOneChannelPerTopicOfThePipeline() {
    assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
    Map<String, Integer> documented = new HashMap<>();
    doc.path("channels")
        .forEach(
            channel -> {
              String address = channel.path("address").asText();
              assertThat(channel.at("/bindings/kafka/topic").asText()).isEqualTo(address);
              documented.put(address, channel.at("/bindings/kafka/partitions").asInt());
            });

    Map<String, Integer> provisioned = new HashMap<>();
    PIPELINE.topics().forEach(t -> provisioned.put(t.name(), t.partitions()));
    assertThat(documented).isEqualTo(provisioned);
  }

  @Test
  void eachChannelDocumentsTheRetentionItIsProvisionedWith() {
    Map<String, Long> documented = new HashMap<>();
    doc.path("channels")
        .forEach(
            channel ->
                documented.put(
                    channel.path("address").asText(),
                    channel.at("/bindings/kafka/topicConfiguration/retention.ms").asLong()));

    Map<String, Long> provisioned = new HashMap<>();
    PIPELINE.topics().forEach(t -> provisioned.put(t.name(), t.retentionMs()));
    assertThat(documented).isEqualTo(provisioned);
  }

  @Test
  void everyReferenceResolvesInTheDocumentOrToAFileBesideIt() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      if (ref.startsWith("#/")) {
        assertThat(doc.at(ref.substring(1).replace("~1", "/")).isMissingNode())
            .as("in-document reference %s", ref)
            .isFalse();
      } else {
        assertThat(SCHEMAS.resolve(ref)).as("file reference %s", ref).isRegularFile();
      }
    }
  }

  @Test
  void theAvroPayloadOfEachRegisteredTopicIsTheContractItsSubjectIsProvisionedWith() {
    for (JsonNode channel : doc.path("channels")) {
      String subject = channel.path("address").asText() + "-value";
      SubjectSpec spec = PIPELINE.registry().subjects().get(subject);
      if (spec == null || spec.schema() == null) {
        continue;
      }
      Set<String> avroFiles = new HashSet<>();
      channel
          .path("messages")
          .forEach(
              m -> {
                JsonNode message = doc.at(m.path("$ref").asText().substring(1));
                if (message
                    .at("/payload/schemaFormat")
                    .asText()
                    .startsWith("application/vnd.apache.avro")) {
                  avroFiles.add(
                      Path.of(message.at("/payload/schema/$ref").asText())
                          .getFileName()
                          .toString());
                }
              });
      assertThat(avroFiles).as(subject).containsExactly(spec.schema());
      assertThat(ContractSchemas.all()).containsKey(spec.schema());
    }
  }

  @Test
  void theHeadersDocumentedAreExactlyThoseOfHeaderNamesBesidesKafkaStreamsOwn() throws Exception {
    Set<String> documented = new HashSet<>();
    doc.at("/components/schemas")
        .forEach(
            schema -> schema.path("properties").fieldNames().forEachRemaining(documented::add));
    documented.removeIf(name -> name.startsWith("__streams.errors."));

    assertThat(documented).containsExactlyInAnyOrderElementsOf(headerNames());
  }

  private static Set<String> headerNames() throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    for (Field field : HeaderNames.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && !field.getName().endsWith("_PREFIX")) {
        names.add((String) field.get(null));
      }
    }
    return names;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}
