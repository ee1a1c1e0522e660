package dev.orderflow.common.logging;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The masking rules, applied in order to any text that may reach a log. */
final class Masking {
  private static final String STARS = "****";

  private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {}

  private static final List<Rule> RULES =
      List.of(
          // A phone number under a key that names one, with or without the plus:
          // "to":"2348012345678"
          rule(
              "(?i)\\b(phone|phone_number|msisdn|wa_id|to|from|recipient)(\"?\\s*[:=]\\s*\"?)(\\+?\\d{7,15})(?!\\d)",
              m -> m.group(1) + m.group(2) + Redact.phone(m.group(3))),
          // Any E.164 number: a plus and 7 to 15 digits.
          rule("(?<![\\w+])\\+\\d{7,15}(?!\\d)", m -> Redact.phone(m.group())),
          rule(
              "(?i)\\b(authorization)(\"?\\s*[:=]\\s*\"?)((?:bearer|basic)\\s+)?[^\\s\",]+",
              m -> m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3)) + STARS),
          rule("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]{8,}", m -> m.group(1) + " " + STARS),
          // A secret under a key that names one: access_token=…, "password": "…", client_secret=…
          rule(
              "(?i)\\b(access_token|refresh_token|client_secret|app_secret|api_key|apikey|password|secret|token)"
                  + "(\"?\\s*[:=]\\s*\"?)([^\\s\"&,;}]+)",
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
