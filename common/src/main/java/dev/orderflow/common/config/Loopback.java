package dev.orderflow.common.config;

import java.util.Locale;

/** Whether a host name stays on this machine: {@code localhost}, 127.0.0.0/8 or {@code ::1}. */
public final class Loopback {
  private Loopback() {}

  public static boolean is(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.equals("::1")
        || h.matches("127(\\.\\d{1,3}){3}");
  }
}
