package dev.orderflow.common.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %qmsg}: the message as one double-quoted logfmt value, with quotes, backslashes and line
 * breaks escaped, so one event stays one line and a crafted message cannot forge fields.
 */
public class QuotedMessageConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    StringBuilder out = new StringBuilder(message == null ? 6 : message.length() + 2).append('"');
    if (message != null) {
      for (int i = 0; i < message.length(); i++) {
        char c = message.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}
