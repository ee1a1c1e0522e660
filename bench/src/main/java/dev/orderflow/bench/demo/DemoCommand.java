package dev.orderflow.bench.demo;

import dev.orderflow.bench.load.LoadGenerator;
import dev.orderflow.bench.observe.PipelineOutcomes;
import dev.orderflow.bench.observe.Reconciliation;
import dev.orderflow.bench.orders.RunPlan;
import dev.orderflow.bench.pipeline.PipelineNames;
import dev.orderflow.bench.pipeline.PipelineResources;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.bench.pipeline.StackAddresses;
import dev.orderflow.bench.pipeline.StackClients;
import dev.orderflow.devservers.meta.DeliveredMessage;
import dev.orderflow.devservers.meta.MetaSimulatorClient;
import dev.orderflow.devservers.meta.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Seeds the demo buyers into {@code buyers}, produces the demo orders to the standard intake topic,
 * waits for every one to come out (bounded), and prints the messages Meta received, the rejection
 * and the unroutable records, a few metrics, each message's delivery statuses in the ledger and a
 * buyer's reply on buyer.inbound.v1. Exits 1 if something did not come out in time.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Sends the demo orders through the running pipeline and prints what came out.")
public final class DemoCommand implements Callable<Integer> {
  /** Meta's statuses come within about a second of a send (the simulator's defaults). */
  private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

  @Option(
      names = "--timeout",
      defaultValue = "PT90S",
      description = "How long to wait for outcomes.")
  Duration timeout;

  @Option(
      names = "--webhooks-url",
      defaultValue = "${env:META_WEBHOOKS_URL:-http://127.0.0.1:8085/webhooks/meta}",
      description = "Where the simulated Meta posts its webhooks: meta-webhooks' endpoint.")
  String webhooksUrl;

  @Override
  public Integer call() {
    StackAddresses stack = StackAddresses.fromEnvironment();
    PipelineNames names = PipelineNames.standard();
    DemoPrinter print = new DemoPrinter(System.out);
    MetaSimulatorClient meta = new MetaSimulatorClient(stack.metaGraphUrl());
    String runId = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    RunPlan plan = DemoScenario.plan(runId, Instant.now());
    try (StackClients clients = new StackClients(stack)) {
      AfterTheSend afterTheSend =
          new AfterTheSend(
              meta, clients.dynamoDb(), names.ledgerTable(), stack.kafkaBootstrapServers(), print);
      afterTheSend.callWebhooksAt(webhooksUrl);
      new PipelineResources(clients).seedBuyers(names.buyersTable(), DemoScenario.buyers());
      print.heading("Buyers in DynamoDB table " + names.buyersTable());
      DemoScenario.buyers().forEach(b -> print.line(b.toString()));
      print.orders(plan, names.submitted());
      try (var producer = clients.producer("demo-vendor")) {
        new LoadGenerator(producer, names.submitted()).run(plan.orders(), 0);
      }
      Reconciliation result = await(stack, names, meta, plan, print);
      List<DeliveredMessage> sent = show(stack, names, meta, plan, print);
      boolean read = afterTheSend.statuses(sent, STATUS_TIMEOUT);
      boolean replied =
          afterTheSend.inbound(
              Platform.WHATSAPP,
              DemoScenario.CHIAMAKA.whatsappPhone(),
              "Thank you! Will it arrive today?",
              STATUS_TIMEOUT);
      print.heading("Result");
      print.line(result.summary());
      return result.nothingLostOrWrong() && read && replied ? 0 : 1;
    }
  }

  private Reconciliation await(
      StackAddresses stack,
      PipelineNames names,
      MetaSimulatorClient meta,
      RunPlan plan,
      DemoPrinter print) {
    long deadline = System.nanoTime() + timeout.toNanos();
    print.heading("Waiting (at most " + timeout.toSeconds() + " s) for every order to come out");
    while (true) {
      Reconciliation now =
          PipelineOutcomes.read(stack.kafkaBootstrapServers(), names, meta).reconcile(plan);
      if (now.lost().isEmpty() || System.nanoTime() > deadline) {
        return now;
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
  }

  private List<DeliveredMessage> show(
      StackAddresses stack,
      PipelineNames names,
      MetaSimulatorClient meta,
      RunPlan plan,
      DemoPrinter print) {
    Set<String> ids =
        plan.orders().stream().map(o -> o.vendorOrderId()).collect(Collectors.toSet());
    Set<String> orderIds = plan.orders().stream().map(o -> o.orderId()).collect(Collectors.toSet());
    print.heading(
        "What the simulated Meta API received (GET " + meta.baseUri() + "/_sim/messages)");
    List<DeliveredMessage> sent =
        Arrays.stream(Platform.values())
            .flatMap(platform -> meta.messages(platform).stream())
            .filter(m -> mentions(m, ids))
            .toList();
    sent.forEach(print::message);
    PipelineOutcomes outcomes = PipelineOutcomes.read(stack.kafkaBootstrapServers(), names, meta);
    print.heading("Rejected (" + names.rejected() + ")");
    outcomes.rejections().stream()
        .filter(r -> ids.contains(r.vendorOrderId()))
        .forEach(print::rejection);
    print.heading("Unroutable (" + names.unroutable() + ", reason in the header)");
    outcomes.unroutables().stream()
        .filter(u -> orderIds.contains(u.orderId()))
        .forEach(print::unroutable);
    print.heading("A few metrics (GET /metrics on each service's ops port)");
    for (ServiceKind kind : ServiceKind.values()) {
      int port = opsPort(kind);
      print.metrics(kind.module() + " :" + port, MetricsSample.of(port, 6));
    }
    return sent;
  }

  /** dev/demo.sh's ports: STACK_OPS_PORT_BASE (default 8181) plus the service's place. */
  private static int opsPort(ServiceKind kind) {
    String base = System.getenv("STACK_OPS_PORT_BASE");
    int first = ServiceKind.ORDER_INGEST.defaultOpsPort();
    return (base == null || base.isBlank() ? first : Integer.parseInt(base.strip()))
        + kind.defaultOpsPort()
        - first;
  }

  private static boolean mentions(DeliveredMessage message, Set<String> ids) {
    String content = message.text() + " " + message.parameters();
    return ids.stream().anyMatch(content::contains);
  }
}
