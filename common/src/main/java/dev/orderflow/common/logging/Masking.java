package dev.orderflow.common.logging;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The masking rules, applied in order to any text that may reach a log. A value under a key is
 * found however the key and value are written: {@code to=…}, JSON ({@code "to":"…"}, {@code "to":
 * …}), JSON inside a JSON string or a quoted log message ({@code \"to\":\"…\"}, escaped once or
 * more), DynamoDB's attribute form ({@code "to":{"S":"…"}}, {@code to=AttributeValue(S=…)}).
 */
final class Masking {
  private static final String STARS = "****";

  /** Between a key and its value: quotes (maybe escaped), a colon or equals sign, a type tag. */
  private static final String SEPARATOR =
      "(\\\\*[\"']?\\s*[:=]\\s*(?:\\{\\s*\\\\*\"?[SN]\\\\*\"?\\s*:\\s*|AttributeValue\\([SN]=)?"
          + "\\\\*[\"']?)";

  /** Keys whose value is a buyer's phone number (a WhatsApp recipient). */
  private static final String PHONE_KEYS =
      "(recipient(?:[_-]?(?:phone|number|msisdn|id))?"
          + "|(?:buyer|customer|whatsapp)[_-]?(?:phone|number|msisdn)"
          + "|phone(?:[_-]?number)?|msisdn|mobile|wa[_-]?id|to|from|input)";

  /** Keys whose value is a credential: anything ending in token, secret, password or api key. */
  private static final String SECRET_KEYS = "([a-z_.-]*?(?:token|secret|password|api_?key))";

  private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {}

  private static final List<Rule> RULES =
      List.of(
          // Credentials in a URL: https://user:password@host, https://token@host.
          rule("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/?#@\"'\\\\]+@", m -> m.group(1) + STARS + "@"),
          // A phone number under a key that names one, with or without the plus, bare or quoted:
          // "to":"2348012345678", recipient=2348012345678, \"wa_id\":\"2348012345678\".
          rule(
              "(?i)(?<![a-z0-9])" + PHONE_KEYS + SEPARATOR + "(\\+?\\d{7,15})(?!\\d)",
              m -> m.group(1) + m.group(2) + Redact.phone(m.group(3))),
          // Any E.164 number: a plus and 7 to 15 digits.
          rule("(?<![\\w+])\\+\\d{7,15}(?!\\d)", m -> Redact.phone(m.group())),
          rule(
              "(?i)\\b(authorization)" + SEPARATOR + "((?:bearer|basic)\\s+)?[^\\s\"\\\\,]+",
              m -> m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3)) + STARS),
          rule("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]{8,}", m -> m.group(1) + " " + STARS),
          // A secret under a key that names one: access_token=…, "password": "…",
          // "whatsappToken":"…", client_secret=…
          rule(
              "(?i)(?<![a-z0-9])" + SECRET_KEYS + SEPARATOR + "([^\\s\"'\\\\&,;}]+)",
              m -> m.group(1) + m.group(2) + STARS),
          // Meta user/system tokens (EAA…), Instagram tokens (IGQV…, IGAA…), JWTs.
          rule("\\bEAA[A-Za-z0-9]{16,}", m -> "EAA" + STARS),
          rule("\\bIG(QV|AA)[A-Za-z0-9_-]{16,}", m -> "IG" + m.group(1) + STARS),
          rule("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*", m -> "eyJ" + STARS));

  private Masking() {}

  static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(result);
      if (matcher.find()) {
        result = matcher.replaceAll(m -> Matcher.quoteReplacement(rule.replacement().apply(m)));
      }
    }
    return result;
  }

  private static Rule rule(String regex, Function<MatchResult, String> replacement) {
    return new Rule(Pattern.compile(regex), replacement);
  }
}
