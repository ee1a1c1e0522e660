package dev.orderflow.common.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a service's command line and environment say about where its config comes from: {@code
 * --config <file>} (or {@value ConfigSource#CONFIG_FILE_ENV}) and {@code --profile <name>} (or
 * {@value ConfigSource#PROFILE_ENV}). Each flag may also be written {@code --flag=value}; the
 * command line beats the environment.
 */
record LaunchArgs(Optional<Path> configFile, Optional<String> profile) {
  static final String EXPECTED = "--config <file> and/or --profile <name>, or none";
  private static final Pattern PROFILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

  LaunchArgs {
    profile.ifPresent(LaunchArgs::checkProfile);
  }

  static LaunchArgs parse(String[] args, Map<String, String> env) {
    String config = nonBlank(env.get(ConfigSource.CONFIG_FILE_ENV));
    String profile = nonBlank(env.get(ConfigSource.PROFILE_ENV));
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      boolean inline = arg.contains("=");
      String flag = inline ? arg.substring(0, arg.indexOf('=')) : arg;
      boolean known = flag.equals("--config") || flag.equals("--profile");
      if (!known || (!inline && i + 1 >= args.length)) {
        throw new ConfigException("arguments", EXPECTED, String.join(" ", args));
      }
      String value = inline ? arg.substring(arg.indexOf('=') + 1) : args[++i];
      if (flag.equals("--config")) {
        config = value;
      } else {
        profile = value;
      }
    }
    return new LaunchArgs(
        Optional.ofNullable(config).map(Path::of), Optional.ofNullable(profile).map(String::trim));
  }

  /** The profile named in the environment alone, for a source built without a command line. */
  static Optional<String> profileIn(Map<String, String> env) {
    Optional<String> profile = Optional.ofNullable(nonBlank(env.get(ConfigSource.PROFILE_ENV)));
    profile.ifPresent(LaunchArgs::checkProfile);
    return profile.map(String::trim);
  }

  private static void checkProfile(String name) {
    if (!PROFILE_NAME.matcher(name.trim()).matches()) {
      throw new ConfigException(
          ConfigSource.PROFILE_ENV, "a profile name such as local ([a-z0-9-])", name);
    }
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
