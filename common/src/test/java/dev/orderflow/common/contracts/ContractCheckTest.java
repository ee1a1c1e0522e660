package dev.orderflow.common.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.serde.WireSchemas;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class ContractCheckTest {
  private static final Schema CREATED = OrderCreated.getClassSchema();
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @Test
  void aWrittenSchemaRegisteredAsTheSerializerSendsItResolves() {
    // Given
    registry.register("orders.created.v1-value", WireSchemas.of(CREATED));

    // Then
    assertThat(check(false).firstProblem(List.of(Contract.writes("orders.created.v1", CREATED))))
        .isEmpty();
  }

  @Test
  void aMissingWrittenSchemaIsOneLineNamingTheSubjectAndTheFix() {
    var problem = check(false).firstProblem(List.of(Contract.writes("orders.created.v1", CREATED)));

    assertThat(problem)
        .hasValue(
            "subject orders.created.v1-value: schema dev.orderflow.schema.OrderCreated is not"
                + " registered and auto-registration is off; run: ops provision --file"
                + " provisioning/pipeline.yaml --env prod");
  }

  @Test
  void aWrittenSchemaTheSubjectRefusesIsReportedAsIncompatible() {
    // Given a subject holding an unrelated record, which OrderCreated cannot follow under BACKWARD
    registry.register("orders.created.v1-value", otherRecord());

    // Then
    assertThat(check(false).firstProblem(List.of(Contract.writes("orders.created.v1", CREATED))))
        .hasValueSatisfying(p -> assertThat(p).contains("incompatible").contains("--env prod"));
  }

  @Test
  void withAutoRegistrationAWrittenSchemaIsRegisteredByTheCheck() {
    assertThat(check(true).firstProblem(List.of(Contract.writes("orders.created.v1", CREATED))))
        .isEmpty();
    assertThat(registry.latest("orders.created.v1-value").schema())
        .isEqualTo(WireSchemas.of(CREATED));
  }

  @Test
  void aReadSubjectWithoutSchemaIsAProblemUnlessWritersAutoRegister() {
    Contract reads = Contract.reads("notify.whatsapp.v1", NotificationRequested.getClassSchema());

    assertThat(check(false).firstProblem(List.of(reads)))
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .startsWith("subject notify.whatsapp.v1-value: no schema registered")
                    .endsWith("run: ops provision --file provisioning/pipeline.yaml --env prod"));
    assertThat(check(true).firstProblem(List.of(reads))).isEmpty();
  }

  @Test
  void aReadSubjectWhoseLatestSchemaTheReaderCannotReadIsAProblem() {
    // Given
    registry.register("notify.whatsapp.v1-value", otherRecord());

    // When
    var problem =
        check(false)
            .firstProblem(
                List.of(
                    Contract.reads("notify.whatsapp.v1", NotificationRequested.getClassSchema())));

    // Then
    assertThat(problem)
        .hasValueSatisfying(
            p -> assertThat(p).contains("cannot be read as dev.orderflow.schema.Notification"));
  }

  @Test
  void aReadSubjectHoldingTheContractResolves() {
    registry.register(
        "notify.whatsapp.v1-value", WireSchemas.of(NotificationRequested.getClassSchema()));

    assertThat(
            check(false)
                .firstProblem(
                    List.of(
                        Contract.reads(
                            "notify.whatsapp.v1", NotificationRequested.getClassSchema()))))
        .isEmpty();
  }

  private ContractCheck check(boolean autoRegister) {
    return new ContractCheck(registry, autoRegister, "prod");
  }

  private static Schema otherRecord() {
    return SchemaBuilder.record("dev.orderflow.schema.Other")
        .fields()
        .requiredString("mandatory")
        .endRecord();
  }
}
