package dev.orderflow.bench.demo;

import dev.orderflow.bench.observe.SideRecords.Rejection;
import dev.orderflow.bench.observe.SideRecords.Unroutable;
import dev.orderflow.bench.orders.PlannedOrder;
import dev.orderflow.bench.orders.RunPlan;
import dev.orderflow.devservers.meta.DeliveredMessage;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/** Prints what the demo did and what came out, section by section, for a person to read. */
final class DemoPrinter {
  private final PrintStream out;

  DemoPrinter(PrintStream out) {
    this.out = out;
  }

  void heading(String title) {
    out.println();
    out.println("== " + title);
  }

  void line(String text) {
    out.println("  " + text);
  }

  void orders(RunPlan plan, String topic) {
    heading("Orders produced to " + topic + " (run " + plan.runId() + ")");
    for (PlannedOrder order : plan.orders()) {
      line(
          "%-20s buyer %-22s expect %s"
              .formatted(order.vendorOrderId(), order.buyerId(), order.expected()));
    }
  }

  void message(DeliveredMessage message) {
    if ("template".equals(message.type())) {
      line(
          "%s → %s  template %s (%s) parameters %s  [%s]"
              .formatted(
                  message.platform().wireName(),
                  message.recipient(),
                  message.templateName(),
                  message.language(),
                  message.parameters(),
                  message.receivedAt()));
    } else {
      line(
          "%s → %s  text [%s]"
              .formatted(message.platform().wireName(), message.recipient(), message.receivedAt()));
      message.text().lines().forEach(l -> line("    | " + l));
    }
  }

  void rejection(Rejection rejection) {
    line(rejection.vendorId() + "/" + rejection.vendorOrderId() + " refused:");
    rejection
        .json()
        .path("reasons")
        .forEach(
            r ->
                line(
                    "    - %s %s: %s"
                        .formatted(
                            r.path("code").asText(),
                            r.path("field").asText(""),
                            r.path("message").asText())));
  }

  void unroutable(Unroutable record) {
    line(
        "%s  unroutable.reason=%s  (%s)"
            .formatted(record.orderId(), record.reason(), record.detail()));
  }

  void metrics(String service, List<String> lines) {
    line(service + ":");
    if (lines.isEmpty()) {
      line("    (no answer on its /metrics)");
    }
    lines.forEach(l -> line("    " + l));
  }

  /** ₦1,380,000 from 138,000,000 kobo. */
  static String naira(long kobo) {
    DecimalFormat format =
        new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return "₦" + format.format(BigDecimal.valueOf(kobo, 2));
  }
}
