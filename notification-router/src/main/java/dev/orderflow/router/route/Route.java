package dev.orderflow.router.route;

import dev.orderflow.schema.NotificationRequested;

/** Where one order goes: one notification on its buyer's platform, or nowhere, with the reason. */
public sealed interface Route {

  record ToPlatform(Channel channel, NotificationRequested notification) implements Route {}

  record Unroutable(UnroutableReason reason, String detail) implements Route {}
}
