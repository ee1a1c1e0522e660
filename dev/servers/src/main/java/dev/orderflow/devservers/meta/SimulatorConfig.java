package dev.orderflow.devservers.meta;

import java.util.Objects;

/**
 * How to start a simulator: the port on 127.0.0.1 (0 picks a free one), the initial settings and
 * the initial webhook settings (no webhook URL unless given).
 */
public record SimulatorConfig(int port, SimulatorSettings settings, WebhookSettings webhooks) {

  public static final int DEFAULT_PORT = 8090;

  public SimulatorConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    Objects.requireNonNull(settings, "settings are required");
    Objects.requireNonNull(webhooks, "webhook settings are required");
  }

  /** Without webhooks. */
  public SimulatorConfig(int port, SimulatorSettings settings) {
    this(port, settings, WebhookSettings.defaults());
  }

  public static SimulatorConfig defaults() {
    return new SimulatorConfig(DEFAULT_PORT, SimulatorSettings.defaults());
  }

  /** Meta's defaults on a free port: what embedded tests want. */
  public static SimulatorConfig ephemeral() {
    return new SimulatorConfig(0, SimulatorSettings.defaults());
  }

  public SimulatorConfig withSettings(SimulatorSettings newSettings) {
    return new SimulatorConfig(port, newSettings, webhooks);
  }

  public SimulatorConfig withWebhooks(WebhookSettings newWebhooks) {
    return new SimulatorConfig(port, settings, newWebhooks);
  }
}
