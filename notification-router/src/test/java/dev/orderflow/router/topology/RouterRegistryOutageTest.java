package dev.orderflow.router.topology;

import static dev.orderflow.router.Fixtures.order;
import static dev.orderflow.router.Fixtures.whatsappBuyer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.registry.CompatibilityLevel;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.registry.RegisteredSchema;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.router.FakeBuyerDirectory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry away is an outage (the task stops); a registry refusal is one bad record. */
class RouterRegistryOutageTest {
  @TempDir Path stateDir;
  private final FakeBuyerDirectory directory = new FakeBuyerDirectory();
  private final InMemorySchemaRegistry schemas = new InMemorySchemaRegistry();
  private final Unreachable registry = new Unreachable(schemas);
  private RouterDriver router;

  @AfterEach
  void close() {
    if (router != null) {
      router.close();
    }
  }

  @Test
  void anUnreachableRegistryStopsTheTaskWithoutADeadLetter() {
    // Given an order written while the registry was there, read by a router that has not yet
    // fetched its writer schema (a fresh start), and the registry then gone
    directory.with(whatsappBuyer("b-1", "en"));
    byte[] bytes =
        topics(schemas)
            .ordersCreated()
            .valueSerializer()
            .serialize("orders.created.v1", order("v:ORD-1", "b-1"));
    router = driver();
    registry.down = true;

    // When it arrives, then the thread fails (to be replaced and resume from its commit) and
    // nothing is dead-lettered or routed
    assertThatThrownBy(() -> router.rawOrders.pipeInput("v:ORD-1", bytes))
        .satisfies(e -> assertThat(SystemicFailures.isSystemic(e)).isTrue());
    assertThat(router.deadLetters.isEmpty()).isTrue();
    assertThat(router.whatsapp.isEmpty()).isTrue();
  }

  @Test
  void anUnknownSchemaIdIsStillOneDeadLetterAndTheNextOrderFlows() {
    directory.with(whatsappBuyer("b-1", "en"));
    router = driver();
    byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(424242).array();

    router.rawOrders.pipeInput("v:BAD", unknownId);
    router.orders.pipeInput("v:ORD-2", order("v:ORD-2", "b-1"));

    var dead = router.deadLetters.readRecord();
    assertThat(dead.value()).isEqualTo(unknownId);
    assertThat(
            new String(
                dead.headers().lastHeader("__streams.errors.message").value(),
                StandardCharsets.UTF_8))
        .contains("424242");
    assertThat(router.whatsapp.readRecord().value().getOrderId()).isEqualTo("v:ORD-2");
  }

  private RouterDriver driver() {
    // TopologyTestDriver drops the deserialization handler's dead letters under exactly-once (see
    // RouterTopologyTest); the handler's choice is the same under either guarantee.
    return new RouterDriver(
        directory, stateDir, StreamsConfig.AT_LEAST_ONCE, topics(registry), RouterDriver.UNBATCHED);
  }

  private static RouterTopics topics(SchemaRegistry registry) {
    return RouterTopics.from(
        RouterDriver.DEFAULT_NAMES,
        registry,
        AvroSerdeConfig.localStack("http://registry.invalid"));
  }

  /** The in-memory registry, or no answer at all (as when it is down) while {@code down}. */
  private static final class Unreachable implements SchemaRegistry {
    private final SchemaRegistry real;
    volatile boolean down;

    Unreachable(SchemaRegistry real) {
      this.real = real;
    }

    private void check() {
      if (down) {
        throw new SchemaRegistryException(
            "connection refused", SchemaRegistryException.NO_RESPONSE, 0, null);
      }
    }

    @Override
    public int register(String subject, Schema schema) {
      check();
      return real.register(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
      check();
      return real.schemaById(id);
    }

    @Override
    public int idOf(String subject, Schema schema) {
      check();
      return real.idOf(subject, schema);
    }

    @Override
    public RegisteredSchema latest(String subject) {
      check();
      return real.latest(subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
      check();
      return real.isCompatible(subject, schema);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
      check();
      real.setCompatibility(subject, level);
    }
  }
}
