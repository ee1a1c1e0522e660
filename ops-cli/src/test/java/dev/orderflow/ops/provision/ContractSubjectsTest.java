package dev.orderflow.ops.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.serde.WireSchemas;
import dev.orderflow.schema.ContractSchemas;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * provisioning/pipeline.yaml against the contracts: every .avsc is registered somewhere, each under
 * a subject of a declared topic, and as text identical to what the serializer sends for the
 * generated class, which is what makes the serializer's lookup (auto-registration off) find it.
 */
class ContractSubjectsTest {
  private static final PipelineSpec PIPELINE =
      PipelineFile.read(Path.of("..", "provisioning", "pipeline.yaml"));

  @Test
  void everySubjectWithASchemaIsTheValueSubjectOfADeclaredTopic() {
    Set<String> topics = new HashSet<>();
    PIPELINE.topics().forEach(t -> topics.add(t.name()));

    assertThat(PIPELINE.registry().subjects().keySet())
        .allSatisfy(
            subject -> assertThat(topics).contains(subject.substring(0, subject.length() - 6)))
        .allSatisfy(subject -> assertThat(subject).endsWith("-value"));
  }

  @Test
  void everyContractFileIsRegisteredDirectlyOrInsideAnotherContract() {
    Set<String> covered = new HashSet<>();
    PIPELINE.registry().subjects().values().stream()
        .filter(spec -> spec.schema() != null)
        .forEach(spec -> namedTypes(ContractSchemas.named(spec.schema()), covered));

    assertThat(ContractSchemas.all().values())
        .allSatisfy(schema -> assertThat(covered).contains(schema.getFullName()));
  }

  @Test
  void theRegisteredTextIsExactlyWhatTheSerializerLooksUpForTheGeneratedClass() throws Exception {
    for (Map.Entry<String, SubjectSpec> entry : PIPELINE.registry().subjects().entrySet()) {
      Schema fromFile = ContractSchemas.named(entry.getValue().schema());
      Schema generated =
          (Schema) Class.forName(fromFile.getFullName()).getMethod("getClassSchema").invoke(null);

      assertThat(WireSchemas.of(fromFile).toString())
          .as(entry.getKey())
          .isEqualTo(WireSchemas.of(generated).toString());
    }
  }

  @Test
  void aBareLevelIsStillAcceptedAsASubjectWithoutSchema() {
    assertThat(SubjectSpec.ofLevel("FULL")).isEqualTo(new SubjectSpec("FULL", null));
  }

  private static void namedTypes(Schema schema, Set<String> into) {
    switch (schema.getType()) {
      case RECORD -> {
        if (into.add(schema.getFullName())) {
          schema.getFields().forEach(f -> namedTypes(f.schema(), into));
        }
      }
      case ENUM, FIXED -> into.add(schema.getFullName());
      case ARRAY -> namedTypes(schema.getElementType(), into);
      case MAP -> namedTypes(schema.getValueType(), into);
      case UNION -> schema.getTypes().forEach(t -> namedTypes(t, into));
      default -> {}
    }
  }
}
