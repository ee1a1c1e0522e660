package dev.orderflow.webhooks.parse;

/**
 * WhatsApp ids of people are phone numbers in digits only ({@code 2348031234567}); the pipeline
 * writes them in E.164 with '+', as the buyers table and NotificationRequested.recipient hold them.
 */
final class WhatsAppIds {
  private WhatsAppIds() {}

  static String e164(String waId) {
    return waId.matches("[1-9][0-9]{5,14}") ? "+" + waId : waId;
  }
}
