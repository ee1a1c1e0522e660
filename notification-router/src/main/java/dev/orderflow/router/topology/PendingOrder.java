package dev.orderflow.router.topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An order whose buyer was unknown, parked until {@code dueAtMs} for one fresh look-up. Holds the
 * record as it arrived (value bytes, headers, timestamp) so that what is finally written is the
 * same as if it had been routed at once.
 */
record PendingOrder(long dueAtMs, long timestamp, byte[] value, List<Header> headers) {

  record Header(String key, byte[] value) {}

  static PendingOrder of(long dueAtMs, long timestamp, byte[] value, Headers headers) {
    List<Header> copy = new ArrayList<>();
    for (org.apache.kafka.common.header.Header header : headers) {
      copy.add(new Header(header.key(), header.value()));
    }
    return new PendingOrder(dueAtMs, timestamp, value, copy);
  }

  Headers kafkaHeaders() {
    RecordHeaders result = new RecordHeaders();
    headers.forEach(h -> result.add(h.key(), h.value()));
    return result;
  }
}
