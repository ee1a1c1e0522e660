package dev.orderflow.ops.provision;

/** A provisioning step failed against a live system; the message says which and why. */
public final class ProvisioningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProvisioningException(String message) {
    super(message);
  }

  public ProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
