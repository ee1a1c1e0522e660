package dev.orderflow.devservers.meta;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules a valid message meets after validation, in this order: scripted faults, messaging
 * window, throughput cap per account, WhatsApp pair limit. Only a message that passes all is logged
 * as delivered.
 */
final class SendRules {

  private static final String PROXY_ERROR = "<html><body><h1>%d Server Error</h1></body></html>";

  private static final String PAIR_DETAILS =
      "Message failed to send because there were too many messages sent from this phone number"
          + " to the same phone number in a short period of time";

  private final SimulatorState state;

  SendRules(SimulatorState state) {
    this.state = state;
  }

  SendOutcome admit(OutgoingMessage message) throws InterruptedException {
    Platform platform = message.platform();
    Optional<FaultRule> fault = state.faults().next(platform, message.recipient(), state.now());
    if (fault.isPresent()) {
      Optional<Reply> faulted = apply(fault.get(), platform, state);
      if (faulted.isPresent()) {
        return new SendOutcome.Refused(faulted.get());
      }
    }
    SimulatorSettings settings = state.settings();
    PlatformSettings platformSettings = settings.of(platform);
    Instant now = state.now();
    if (message.needsWindow()
        && !state
            .windows()
            .isOpen(platform, message.recipient(), platformSettings.windowsOpenByDefault(), now)) {
      return refused(windowClosed(platform), platform);
    }
    String rateKey = platform.wireName() + '/' + message.account();
    if (!state.rates().tryAcquire(rateKey, platformSettings.ratePerSecond(), now)) {
      return refused(throughputReached(platform), platform);
    }
    if (platform == Platform.WHATSAPP
        && !state
            .pairs()
            .tryAcquire(message.account(), message.recipient(), settings.pairIntervalMs(), now)) {
      return refused(GraphError.of(131056, PAIR_DETAILS), platform);
    }
    DeliveredMessage delivered = state.log().record(message, now);
    state.webhooks().accepted(delivered);
    return new SendOutcome.Delivered(delivered);
  }

  /** The fault's answer, or empty when a held call goes on to be processed as usual. */
  private static Optional<Reply> apply(FaultRule fault, Platform platform, SimulatorState state)
      throws InterruptedException {
    String details = fault.details() != null ? fault.details() : "Simulated fault";
    return switch (fault.kind()) {
      case ERROR -> {
        GraphError error = GraphError.of(fault.code(), fault.subcode(), details);
        yield Optional.of(
            new Reply.Failure(
                fault.status() == null ? error : error.withStatus(fault.status()), platform));
      }
      case HTTP_5XX ->
          Optional.of(
              fault.code() == null
                  ? new Reply.Raw(
                      fault.status(), "text/html", PROXY_ERROR.formatted(fault.status()))
                  : new Reply.Failure(
                      GraphError.of(fault.code(), fault.subcode(), details)
                          .withStatus(fault.status()),
                      platform));
      case TIMEOUT -> {
        state.pause(Duration.ofMillis(fault.delayMs()));
        yield fault.delivers()
            ? Optional.empty()
            : Optional.of(new Reply.Raw(504, "text/html", PROXY_ERROR.formatted(504)));
      }
    };
  }

  private static GraphError windowClosed(Platform platform) {
    return platform == Platform.WHATSAPP
        ? GraphError.of(
            131047,
            "Message failed to send because more than 24 hours have passed since the customer"
                + " last replied to this number")
        : GraphError.of(10, 2534022, "This message is sent outside of allowed window");
  }

  private static GraphError throughputReached(Platform platform) {
    return platform == Platform.WHATSAPP
        ? GraphError.of(130429, "Cloud API message throughput has been reached")
        : GraphError.of(4, "Calls to the Send API for this account exceeded its per-second limit");
  }

  private static SendOutcome refused(GraphError error, Platform platform) {
    return new SendOutcome.Refused(new Reply.Failure(error, platform));
  }
}
