package dev.orderflow.instagram;

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

/**
 * The Instagram / Messenger Platform error table (Meta's send-API error codes), in one place: the
 * exact (code, subcode) pair first, then a subcode that means the same under any code, then the
 * code, then the HTTP status for anything the table does not know.
 */
public final class InstagramErrorTable implements ErrorClassifier {

  private record CodeAndSubcode(int code, int subcode) {}

  private static final Map<CodeAndSubcode, ErrorClass> BY_CODE_AND_SUBCODE =
      Map.ofEntries(
          // "Retry once, then permanent": the framework's attempt cap does the "then".
          entry(new CodeAndSubcode(1, 99), RETRY),
          entry(new CodeAndSubcode(2, 1545133), RETRY),
          entry(new CodeAndSubcode(10, 2018278), PERMANENT),
          entry(new CodeAndSubcode(10, 2534022), PERMANENT),
          entry(new CodeAndSubcode(100, 33), PERMANENT_CONFIG),
          entry(new CodeAndSubcode(100, 2018001), PERMANENT),
          entry(new CodeAndSubcode(190, 458), PERMANENT_CONFIG),
          entry(new CodeAndSubcode(190, 459), PERMANENT_CONFIG),
          entry(new CodeAndSubcode(190, 460), PERMANENT_CONFIG),
          entry(new CodeAndSubcode(190, 463), REFRESH),
          entry(new CodeAndSubcode(190, 464), PERMANENT_CONFIG),
          entry(new CodeAndSubcode(190, 467), REFRESH),
          entry(new CodeAndSubcode(551, 1545041), PERMANENT));

  private static final Map<Integer, ErrorClass> BY_SUBCODE_UNDER_ANY_CODE =
      Map.of(2018108, PERMANENT_CONFIG, 2534014, PERMANENT);

  private static final Map<Integer, ErrorClass> BY_CODE =
      Map.ofEntries(
          entry(0, REFRESH),
          entry(1, RETRY),
          entry(2, RETRY),
          entry(4, BACKOFF),
          entry(10, PERMANENT_CONFIG),
          entry(17, BACKOFF),
          entry(32, BACKOFF),
          entry(100, PERMANENT),
          entry(102, REFRESH),
          entry(190, REFRESH),
          entry(613, BACKOFF),
          entry(80002, BACKOFF),
          entry(80006, BACKOFF));

  @Override
  public ErrorClass classify(MetaError error) {
    Integer code = error.code();
    if (code == null) {
      return HttpStatusClass.of(error.httpStatus());
    }
    Integer subcode = error.subcode();
    if (subcode != null) {
      ErrorClass exact = BY_CODE_AND_SUBCODE.get(new CodeAndSubcode(code, subcode));
      if (exact != null) {
        return exact;
      }
      ErrorClass bySubcode = BY_SUBCODE_UNDER_ANY_CODE.get(subcode);
      if (bySubcode != null) {
        return bySubcode;
      }
    }
    // 200-299 are Graph's permission errors (200 and 230 in the notes).
    if (code >= 200 && code <= 299) {
      return PERMANENT_CONFIG;
    }
    ErrorClass byCode = BY_CODE.get(code);
    return byCode != null ? byCode : HttpStatusClass.of(error.httpStatus());
  }
}
