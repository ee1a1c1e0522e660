package dev.orderflow.e2e;

import dev.orderflow.bench.pipeline.Pipeline;
import dev.orderflow.bench.pipeline.PipelineNames;
import dev.orderflow.bench.pipeline.PipelineResources;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.bench.pipeline.ServiceProfiles;
import dev.orderflow.bench.pipeline.StackAddresses;
import dev.orderflow.bench.pipeline.StackClients;
import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.MetaSimulatorClient;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import dev.orderflow.devservers.meta.SimulatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * What the suite runs against: a broker of its own (restartable), the shared stack's registry,
 * DynamoDB and Secrets Manager under names of this run, an embedded Meta simulator, and every
 * service as its own process. Built once and shared by the scenarios, as a deployment would be.
 */
final class E2eEnvironment implements AutoCloseable {
  static final int PARTITIONS = 6;

  final String runId;
  final Path workDir;
  final BrokerProcess broker;
  final RunningSimulator simulator;
  final StackAddresses stack;
  final PipelineNames names;
  final StackClients clients;
  final PipelineResources resources;
  final Pipeline pipeline;
  final KafkaProducer<byte[], byte[]> producer;

  private E2eEnvironment(String runId, Path workDir) throws IOException {
    this.runId = runId;
    this.workDir = workDir;
    this.broker = new BrokerProcess(workDir.resolve("broker")).start();
    this.simulator = MetaGraphSimulator.start(new SimulatorConfig(0, simulatorSettings()));
    this.stack =
        StackAddresses.fromEnvironment()
            .withKafka(broker.bootstrapServers())
            .withMetaGraphUrl(simulator.baseUri());
    this.names = PipelineNames.standardTopicsOwnData(runId);
    this.clients = new StackClients(stack);
    this.resources = new PipelineResources(clients);
    resources.create(names, PARTITIONS);
    resources.createTopics(E2eServiceSettings.senderTopics(), PARTITIONS);
    this.pipeline =
        new Pipeline(
            names,
            stack,
            EnumSet.allOf(ServiceKind.class),
            repositoryRoot(),
            workDir.resolve("services"),
            E2eServiceSettings::apply,
            ServiceProfiles.off());
    this.producer = clients.producer("e2e-vendor");
  }

  static E2eEnvironment start() throws IOException {
    String runId =
        "e2e" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    Path work = Path.of(System.getProperty("orderflow.e2e.work", "target/e2e-work")).resolve(runId);
    Files.createDirectories(work);
    E2eEnvironment environment = new E2eEnvironment(runId, work);
    environment.pipeline.startAll();
    return environment;
  }

  MetaSimulatorClient meta() {
    return simulator.client();
  }

  /** Meta's documented limits, raised so a few thousand orders pass in seconds, not minutes. */
  private static SimulatorSettings simulatorSettings() {
    SimulatorSettings defaults = SimulatorSettings.defaults();
    return defaults
        .with(
            dev.orderflow.devservers.meta.Platform.WHATSAPP,
            defaults.whatsapp().withRatePerSecond(E2eServiceSettings.RATE).withLatency(20, 30))
        .with(
            dev.orderflow.devservers.meta.Platform.INSTAGRAM,
            defaults.instagram().withRatePerSecond(E2eServiceSettings.RATE).withLatency(20, 30));
  }

  static Path repositoryRoot() {
    return Path.of(System.getProperty("orderflow.repository.root", ".."))
        .toAbsolutePath()
        .normalize();
  }

  static boolean servicesAvailable() {
    return EnumSet.allOf(ServiceKind.class).stream()
        .allMatch(k -> dev.orderflow.bench.pipeline.LaunchCommand.available(k, repositoryRoot()));
  }

  @Override
  public void close() {
    producer.close();
    pipeline.close();
    simulator.close();
    resources.deleteTables(names);
    clients.close();
    broker.close();
  }

  List<String> serviceLogs() {
    return pipeline.all().stream().map(s -> s.log().toString()).toList();
  }
}
