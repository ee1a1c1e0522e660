package dev.orderflow.router.topology;

import dev.orderflow.router.route.Route;

/** An order with its route decided, still carrying the bytes it arrived as. */
record RoutedOrder(byte[] original, Route route) {

  boolean toPlatform() {
    return route instanceof Route.ToPlatform;
  }
}
