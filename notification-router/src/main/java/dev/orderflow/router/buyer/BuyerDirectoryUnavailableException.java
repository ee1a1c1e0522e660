package dev.orderflow.router.buyer;

/**
 * The directory could not answer. Orders that need it must wait, never be skipped or dead-lettered.
 */
public class BuyerDirectoryUnavailableException extends RuntimeException {

  public BuyerDirectoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
