package dev.orderflow.instagram;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.sender.app.SenderLauncher;

/**
 * Runs the Instagram sender on the host style its config names ({@value #HOST_STYLE}); the rest of
 * config, the ops endpoint and the lifecycle are the framework's launcher's.
 */
public final class InstagramSenderMain {
  static final String HOST_STYLE = "instagram.host-style";

  private InstagramSenderMain() {}

  public static void main(String[] args) {
    SenderLauncher.run(args, "instagram", config -> new InstagramPlatform(hostStyle(config)));
  }

  static InstagramHostStyle hostStyle(ConfigSource config) {
    return config.enumValue(
        HOST_STYLE, InstagramHostStyle.class, InstagramHostStyle.INSTAGRAM_LOGIN);
  }
}
