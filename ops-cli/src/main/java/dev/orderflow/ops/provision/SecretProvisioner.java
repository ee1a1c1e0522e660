package dev.orderflow.ops.provision;

import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Creates the credentials secret when missing. An existing secret's value is left alone (it is
 * rotated outside provisioning) unless {@code --rotate-secret} asks to replace it.
 */
final class SecretProvisioner {
  private final SecretsManagerClient secrets;
  private final ProvisionReport report;

  SecretProvisioner(SecretsManagerClient secrets, ProvisionReport report) {
    this.secrets = secrets;
    this.report = report;
  }

  void provision(String name, Optional<SecretValue> value, boolean rotate) {
    String resource = "secret " + name;
    if (!exists(name)) {
      SecretValue initial =
          value.orElseThrow(
              () ->
                  new ProvisioningException(
                      resource + " does not exist; give its value with --secret-value-file"));
      report.changed(resource, "create");
      if (!report.dryRun()) {
        secrets.createSecret(b -> b.name(name).secretString(initial.json()));
      }
      return;
    }
    if (!rotate) {
      return;
    }
    SecretValue next =
        value.orElseThrow(
            () -> new ProvisioningException("--rotate-secret needs --secret-value-file"));
    String current = secrets.getSecretValue(b -> b.secretId(name)).secretString();
    if (next.sameAs(current)) {
      return;
    }
    report.changed(resource, "put a new value (rotation)");
    if (!report.dryRun()) {
      secrets.putSecretValue(b -> b.secretId(name).secretString(next.json()));
    }
  }

  private boolean exists(String name) {
    try {
      secrets.describeSecret(b -> b.secretId(name));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }
}
