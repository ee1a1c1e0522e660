package dev.orderflow.router.render;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The buyer-facing phrases in one language, from {@code messages*.properties} beside this class:
 * the root bundle is English, {@code messages_pcm} Nigerian Pidgin. A locale without its own bundle
 * falls back to English, never to the JVM's default locale.
 */
public final class Messages {
  static final String DEFAULT_LANGUAGE = "en";
  private static final String BASE_NAME = "dev.orderflow.router.render.messages";
  private static final ResourceBundle.Control NO_JVM_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** Buyers' locale tags are few in practice; the bound keeps odd data from growing it. */
  private static final int MAX_CACHED_LOCALES = 256;

  private static final Map<String, Messages> BY_TAG = new ConcurrentHashMap<>();

  private final ResourceBundle bundle;
  private final String language;
  private final String tag;
  // Parsing a pattern costs more than formatting with it; a MessageFormat is not thread-safe.
  private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

  private Messages(ResourceBundle bundle, String region) {
    this.bundle = bundle;
    String bundleLanguage = bundle.getLocale().getLanguage();
    this.language = bundleLanguage.isEmpty() ? DEFAULT_LANGUAGE : bundleLanguage;
    this.tag = region.isEmpty() ? language : language + "-" + region;
  }

  /** The phrases for a BCP-47 tag such as {@code pcm-NG}; null or unknown tags get English. */
  public static Messages forLocale(String localeTag) {
    String key = localeTag == null ? "" : localeTag;
    Messages cached = BY_TAG.get(key);
    if (cached != null) {
      return cached;
    }
    Messages messages = load(localeTag);
    if (BY_TAG.size() < MAX_CACHED_LOCALES) {
      BY_TAG.putIfAbsent(key, messages);
    }
    return messages;
  }

  private static Messages load(String localeTag) {
    Locale locale =
        localeTag == null || localeTag.isBlank()
            ? Locale.ROOT
            : Locale.forLanguageTag(localeTag.strip().replace('_', '-'));
    return new Messages(
        ResourceBundle.getBundle(BASE_NAME, locale, NO_JVM_FALLBACK), locale.getCountry());
  }

  /** The language the phrases are in, e.g. {@code pcm}. */
  public String language() {
    return language;
  }

  /** The BCP-47 tag the content is rendered in: the language plus the buyer's region. */
  public String tag() {
    return tag;
  }

  public String get(String key, Object... arguments) {
    MessageFormat format =
        formats.computeIfAbsent(
            key,
            // English number formatting everywhere: Nigerian Pidgin writes counts the same way.
            k -> new MessageFormat(bundle.getString(k), Locale.ENGLISH));
    synchronized (format) {
      return format.format(arguments);
    }
  }
}
