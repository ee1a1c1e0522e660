package dev.orderflow.instagram;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.sender.app.SenderLauncher;

/**
 * Runs the Instagram sender on the host style its config names ({@value #HOST_STYLE}); the rest of
 * config, the ops endpoint and the lifecycle are the framework's launcher's.
 */
public final class InstagramSenderMain {
  static final String NAME = "instagram-sender";
  static final String HOST_STYLE = "instagram.host-style";
  private static final int EXIT_BAD_CONFIG = 2;

  private InstagramSenderMain() {}

  public static void main(String[] args) {
    InstagramHostStyle style;
    try {
      style = hostStyle(ConfigSource.load(NAME + ".properties", args, System.getenv()));
    } catch (ConfigException e) {
      // The launcher's convention: one line naming the key, exit code 2.
      System.err.println(NAME + ": bad config: " + e.getMessage());
      System.exit(EXIT_BAD_CONFIG);
      return;
    }
    SenderLauncher.run(args, new InstagramPlatform(style));
  }

  // The launcher builds the config only after it is handed the Platform, so the one
  // Instagram-specific key is read here from the same sources.
  static InstagramHostStyle hostStyle(ConfigSource config) {
    return config.enumValue(
        HOST_STYLE, InstagramHostStyle.class, InstagramHostStyle.INSTAGRAM_LOGIN);
  }
}
