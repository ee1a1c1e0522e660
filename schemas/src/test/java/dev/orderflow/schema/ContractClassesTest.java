package dev.orderflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractClassesTest {

  @Test
  void onceTrustedACopyingBuilderOfAGeneratedRecordWorks() {
    // Given
    ContractClasses.trustForAvro();
    ContractClasses.trustForAvro(); // idempotent
    SubmittedOrder order =
        new SubmittedOrder(
            "v",
            "o",
            "b",
            "NGN",
            List.of(new LineItem("s", "iPhone 15 Pro", 1, 120_000_000L)),
            120_000_000L,
            Instant.EPOCH,
            null);

    // When: copies nested LineItems, which Avro instantiates by class name
    SubmittedOrder copy = SubmittedOrder.newBuilder(order).setNote("hi").build();

    // Then
    assertThat(copy.getItems()).isEqualTo(order.getItems()).isNotSameAs(order.getItems());
  }

  @Test
  void onlyGeneratedRecordsAndEnumsOfTheContractPackageAreTrusted() {
    assertThat(ContractClasses.isContractClass(LineItem.class)).isTrue();
    assertThat(ContractClasses.isContractClass(Platform.class)).isTrue();
    assertThat(ContractClasses.isContractClass(ContractClasses.class)).isFalse();
    assertThat(ContractClasses.isContractClass(java.net.Socket.class)).isFalse();
  }
}
