package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.orderflow.common.kafka.HeaderNames;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The record a replay sends: key and value bytes unchanged, the diagnostic headers of every parking
 * place stripped (and the senders' retry state, so delivery starts afresh), every other header kept
 * (the correlation id among them), and the replay count one higher.
 */
final class ReplayRecords {
  static final List<String> STRIPPED_PREFIXES =
      List.of(
          HeaderNames.DLQ_PREFIX,
          StreamsHeaders.PREFIX,
          HeaderNames.UNROUTABLE_PREFIX,
          HeaderNames.RETRY_PREFIX);

  private ReplayRecords() {}

  static ProducerRecord<byte[], byte[]> of(DeadLetter letter, String target) {
    var source = letter.record();
    Headers headers = new RecordHeaders();
    for (Header header : source.headers()) {
      if (!stripped(header.key())) {
        headers.add(header);
      }
    }
    int count = DeadLetterReader.replays(source.headers()) + 1;
    headers.add(HeaderNames.REPLAY_COUNT, Integer.toString(count).getBytes(UTF_8));
    return new ProducerRecord<>(target, null, source.key(), source.value(), headers);
  }

  static boolean stripped(String name) {
    return name.equals(HeaderNames.REPLAY_COUNT)
        || STRIPPED_PREFIXES.stream().anyMatch(name::startsWith);
  }
}
