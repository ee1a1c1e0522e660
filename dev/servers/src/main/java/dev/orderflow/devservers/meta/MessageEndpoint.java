package dev.orderflow.devservers.meta;

/** One platform's send endpoint. */
interface MessageEndpoint {

  /**
   * Validates and applies the simulator's rules to an authenticated send call.
   *
   * @throws GraphException when the request is invalid
   */
  Reply send(SendRequest request) throws InterruptedException;
}
