package dev.orderflow.whatsapp;

import static dev.orderflow.common.kafka.ErrorClass.BACKOFF;
import static dev.orderflow.common.kafka.ErrorClass.PERMANENT;
import static dev.orderflow.common.kafka.ErrorClass.PERMANENT_CONFIG;
import static dev.orderflow.common.kafka.ErrorClass.REFRESH;
import static dev.orderflow.common.kafka.ErrorClass.RETRY;
import static java.util.Map.entry;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.sender.api.ErrorClassifier;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.graph.HttpStatusClass;
import java.util.Map;
import java.util.Set;

/**
 * The WhatsApp Cloud API error table (Meta's Graph and Cloud API error codes), in one place: Graph
 * {@code code} first, then {@code error_subcode} where it changes the answer, then HTTP status for
 * codes the table does not know.
 */
public final class WhatsAppErrorTable implements ErrorClassifier {

  private static final Map<Integer, ErrorClass> BY_CODE =
      Map.ofEntries(
          entry(0, REFRESH),
          // "Retry once or twice, then permanent": the framework's attempt cap does the "then".
          entry(1, RETRY),
          entry(2, RETRY),
          entry(3, PERMANENT_CONFIG),
          entry(4, BACKOFF),
          entry(10, PERMANENT_CONFIG),
          entry(100, PERMANENT),
          entry(102, REFRESH),
          entry(190, REFRESH),
          entry(368, PERMANENT_CONFIG),
          entry(80007, BACKOFF),
          entry(130429, BACKOFF),
          entry(130472, PERMANENT),
          entry(130497, PERMANENT),
          entry(131000, RETRY),
          entry(131005, PERMANENT_CONFIG),
          entry(131008, PERMANENT),
          entry(131009, PERMANENT),
          entry(131016, RETRY),
          entry(131021, PERMANENT),
          entry(131026, PERMANENT),
          entry(131030, PERMANENT_CONFIG),
          entry(131031, PERMANENT_CONFIG),
          entry(131042, PERMANENT_CONFIG),
          entry(131045, PERMANENT_CONFIG),
          // Outside the 24-hour window; the client has already tried the template fallback.
          entry(131047, PERMANENT),
          entry(131048, BACKOFF),
          entry(131049, BACKOFF),
          entry(131050, PERMANENT),
          entry(131051, PERMANENT),
          entry(131053, PERMANENT),
          entry(131056, BACKOFF),
          entry(131057, RETRY),
          entry(132000, PERMANENT),
          entry(132001, PERMANENT),
          entry(132005, PERMANENT),
          entry(132007, PERMANENT),
          entry(132012, PERMANENT),
          entry(132015, PERMANENT),
          entry(132016, PERMANENT),
          entry(133010, PERMANENT_CONFIG),
          entry(135000, PERMANENT));

  /** 190 subcodes a token refresh cannot cure: a person has to act on the account. */
  private static final Set<Integer> TOKEN_NEEDS_A_HUMAN = Set.of(458, 459, 460, 464);

  private static final int TOKEN_INVALID = 190;

  @Override
  public ErrorClass classify(MetaError error) {
    Integer code = error.code();
    if (code == null) {
      return HttpStatusClass.of(error.httpStatus());
    }
    if (code == TOKEN_INVALID
        && error.subcode() != null
        && TOKEN_NEEDS_A_HUMAN.contains(error.subcode())) {
      return PERMANENT_CONFIG;
    }
    if (code >= 200 && code <= 299) {
      return PERMANENT_CONFIG;
    }
    ErrorClass known = BY_CODE.get(code);
    return known != null ? known : HttpStatusClass.of(error.httpStatus());
  }
}
