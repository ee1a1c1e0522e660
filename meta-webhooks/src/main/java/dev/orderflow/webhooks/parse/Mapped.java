package dev.orderflow.webhooks.parse;

import java.util.function.Consumer;

/** One part of a webhook mapped to an event, or the reason it could not be. */
sealed interface Mapped<T> {
  record Event<T>(T event) implements Mapped<T> {}

  record Unmapped<T>(String reason) implements Mapped<T> {}

  static <T> Mapped<T> event(T event) {
    return new Event<>(event);
  }

  static <T> Mapped<T> unmapped(String reason) {
    return new Unmapped<>(reason);
  }

  default void ifPresentOrElse(Consumer<T> onEvent, Consumer<String> onReason) {
    switch (this) {
      case Event<T> e -> onEvent.accept(e.event());
      case Unmapped<T> u -> onReason.accept(u.reason());
    }
  }
}
