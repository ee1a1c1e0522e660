package dev.orderflow.devservers.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secret with its current version and, after a rotation, the previous one (AWSCURRENT and
 * AWSPREVIOUS, the two stages the SDK's callers rely on).
 */
record Secret(
    String name,
    String arn,
    String description,
    long createdMillis,
    long lastChangedMillis,
    SecretVersion current,
    SecretVersion previous) {

  static final String CURRENT = "AWSCURRENT";
  static final String PREVIOUS = "AWSPREVIOUS";

  Secret withNewVersion(SecretVersion version) {
    return new Secret(
        name, arn, description, createdMillis, version.createdMillis(), version, current);
  }

  SecretVersion version(String versionId, String stage) {
    if (versionId != null) {
      if (current.versionId().equals(versionId)) {
        return current;
      }
      if (previous != null && previous.versionId().equals(versionId)) {
        return previous;
      }
      throw AwsError.notFound();
    }
    if (stage == null || CURRENT.equals(stage)) {
      return current;
    }
    if (PREVIOUS.equals(stage) && previous != null) {
      return previous;
    }
    throw AwsError.notFound();
  }

  List<String> stagesOf(SecretVersion version) {
    return version.versionId().equals(current.versionId()) ? List.of(CURRENT) : List.of(PREVIOUS);
  }

  Map<String, List<String>> versionIdsToStages() {
    Map<String, List<String>> stages = new LinkedHashMap<>();
    stages.put(current.versionId(), List.of(CURRENT));
    if (previous != null) {
      stages.put(previous.versionId(), List.of(PREVIOUS));
    }
    return stages;
  }
}
