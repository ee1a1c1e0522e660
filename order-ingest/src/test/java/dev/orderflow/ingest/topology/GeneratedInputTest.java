package dev.orderflow.ingest.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.ingest.topology.GeneratedSubmissions.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The generated-input suite: {@value #TRIES} batches of {@value #BATCH} generated submissions
 * (10,000 records a run) through the whole topology in a TopologyTestDriver. Whatever a record
 * holds, it has exactly one outcome, nothing escapes as an exception, and no outcome is larger than
 * the outgoing limit. Under CI=true the seed is fixed ({@value #CI_SEED}); elsewhere it is random,
 * and jqwik prints it with any failure ({@code @Property(seed = "…")} replays it).
 */
class GeneratedInputTest {
  static final int TRIES = 100;
  static final int BATCH = 100;
  static final String CI_SEED = "20261202";

  private Path stateDir;
  private TopologyFixture fixture;
  private long nextOffset;

  @BeforeProperty
  void startDriver() throws IOException {
    stateDir = Files.createTempDirectory("ingest-generated");
    fixture = new TopologyFixture(stateDir);
    nextOffset = 0;
  }

  @AfterProperty
  void closeDriver() throws IOException {
    fixture.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = TRIES, seed = CI_SEED, shrinking = ShrinkingMode.BOUNDED)
  @AddLifecycleHook(CiSeed.OnlyInCi.class)
  void everySubmissionHasExactlyOneBoundedOutcomeWithTheCiSeed(
      @ForAll("batches") List<Submission> batch) {
    checkOneBoundedOutcomeEach(batch);
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
  @AddLifecycleHook(CiSeed.OutsideCi.class)
  void everySubmissionHasExactlyOneBoundedOutcome(@ForAll("batches") List<Submission> batch) {
    checkOneBoundedOutcomeEach(batch);
  }

  @Provide
  Arbitrary<List<Submission>> batches() {
    return GeneratedSubmissions.submissions().list().ofSize(BATCH);
  }

  private void checkOneBoundedOutcomeEach(List<Submission> batch) {
    // When each submission is piped in (an exception escaping would fail the property here)
    List<String> submitted = new ArrayList<>();
    for (Submission submission : batch) {
      RecordHeaders headers =
          new RecordHeaders(
              submission.headers().toArray(new org.apache.kafka.common.header.Header[0]));
      fixture.submitRaw(submission.key(), submission.value(), headers);
      submitted.add("orders.submitted.v1/0@" + nextOffset++);
    }

    // Then the outcomes answer each submission exactly once, each under the limit
    List<TestRecord<byte[], byte[]>> outcomes = fixture.drainRaw();
    List<String> answered = outcomes.stream().map(GeneratedInputTest::source).toList();
    assertThat(answered).containsExactlyInAnyOrderElementsOf(submitted);
    IntStream.range(0, outcomes.size())
        .forEach(
            i ->
                assertThat(
                        RecordSize.of(
                            outcomes.get(i).key(),
                            outcomes.get(i).value(),
                            outcomes.get(i).headers()))
                    .as("size of the outcome of %s", answered.get(i))
                    .isLessThanOrEqualTo(TopologyFixture.MAX_OUTGOING_BYTES));
  }

  private static String source(TestRecord<byte[], byte[]> outcome) {
    var header = outcome.headers().lastHeader(HeaderNames.INGEST_SOURCE);
    if (header == null) {
      throw new UncheckedIOException(
          new IOException("an outcome without " + HeaderNames.INGEST_SOURCE));
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
