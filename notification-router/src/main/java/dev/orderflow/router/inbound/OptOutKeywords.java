package dev.orderflow.router.inbound;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which inbound texts stop notifications and which start them again. A text matches when the whole
 * message, trimmed, with inner runs of spaces as one and case ignored, is one of the keywords:
 * "please stop sending me the promo" is a conversation, not an opt-out.
 *
 * <p>The defaults (config {@code inbound.opt-out.keywords} / {@code inbound.opt-in.keywords}):
 *
 * <ul>
 *   <li>English: STOP, UNSUBSCRIBE, STOP ALL, OPT OUT and START, UNSTOP, SUBSCRIBE, OPT IN, RESUME.
 *       Not the SMS set's CANCEL, QUIT, END: in a chat about an order, "cancel" means the order.
 *   <li>Nigerian Pidgin: "STOP AM" / "STOP AM ABEG" (stop it / stop it, please), "NO SEND AGAIN"
 *       ("don't send any more"); "START AM", "SEND AM AGAIN".
 *   <li>Yoruba: "DAWỌ DURO" / "DAWO DURO" (stop, cease; with and without the dot below, since many
 *       keyboards lack it), not "DURO" alone, which is everyday "wait"; "BẸRẸ" / "BERE" (begin).
 *   <li>Hausa: "TSAYA" (stop), "DAINA" (quit, cease); "FARA" (start).
 *   <li>Igbo: "KWỤSỊ" / "KWUSI" (stop); "MALITE" (begin).
 * </ul>
 *
 * A false opt-out costs one buyer their notifications until they write START; a missed one keeps
 * messaging someone who said no. The lists are set phrases for that reason, they are config so a
 * market can tune them, and the unroutable record with reason OPTED_OUT shows an operator what
 * happened. Texts are compared in Unicode NFC, so a dot below typed as a combining mark matches.
 */
public final class OptOutKeywords {
  public static final List<String> DEFAULT_OPT_OUT =
      List.of(
          "STOP",
          "UNSUBSCRIBE",
          "STOP ALL",
          "OPT OUT",
          "STOP AM",
          "STOP AM ABEG",
          "NO SEND AGAIN",
          "DAWỌ DURO",
          "DAWO DURO",
          "TSAYA",
          "DAINA",
          "KWỤSỊ",
          "KWUSI");
  public static final List<String> DEFAULT_OPT_IN =
      List.of(
          "START",
          "UNSTOP",
          "SUBSCRIBE",
          "OPT IN",
          "RESUME",
          "START AM",
          "SEND AM AGAIN",
          "BẸRẸ",
          "BERE",
          "FARA",
          "MALITE");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** What an inbound text asks for. */
  public enum Verdict {
    OPT_OUT,
    OPT_IN
  }

  private final Set<String> optOut;
  private final Set<String> optIn;

  public OptOutKeywords(List<String> optOut, List<String> optIn) {
    this.optOut = normalized(optOut);
    this.optIn = normalized(optIn);
    Set<String> both =
        this.optOut.stream().filter(this.optIn::contains).collect(Collectors.toSet());
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("keywords both opt out and opt in: " + both);
    }
  }

  public static OptOutKeywords defaults() {
    return new OptOutKeywords(DEFAULT_OPT_OUT, DEFAULT_OPT_IN);
  }

  /** The verdict for a whole message; empty for anything else, {@code null} text included. */
  public Optional<Verdict> match(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String key = normalize(text);
    if (optOut.contains(key)) {
      return Optional.of(Verdict.OPT_OUT);
    }
    if (optIn.contains(key)) {
      return Optional.of(Verdict.OPT_IN);
    }
    return Optional.empty();
  }

  private static Set<String> normalized(List<String> keywords) {
    return keywords.stream()
        .map(OptOutKeywords::normalize)
        .filter(k -> !k.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String normalize(String text) {
    String composed = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    return SPACES.matcher(composed).replaceAll(" ").toUpperCase(Locale.ROOT);
  }
}
