package dev.orderflow.whatsapp;

import dev.orderflow.sender.app.SenderLauncher;

/** Runs the WhatsApp sender: config, ops endpoint and lifecycle are the framework's launcher's. */
public final class WhatsAppSenderMain {
  private WhatsAppSenderMain() {}

  public static void main(String[] args) {
    SenderLauncher.run(args, "whatsapp", config -> new WhatsAppPlatform());
  }
}
