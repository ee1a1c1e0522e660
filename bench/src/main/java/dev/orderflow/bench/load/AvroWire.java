package dev.orderflow.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes generated Avro records in the Confluent wire format (magic byte 0, 4-byte schema id, Avro
 * binary) under the subject {@code <topic>-value}, as a service's producer would. The benchmark
 * uses it to fill a stage's input directly, so that stage can be measured alone. Hand-written
 * rather than taken from the project's serde because it needs only registration and writing.
 */
public final class AvroWire<T extends SpecificRecord> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final SpecificDatumWriter<T> writer;
  private final int schemaId;

  private AvroWire(Schema schema, int schemaId) {
    this.writer = new SpecificDatumWriter<>(schema);
    this.schemaId = schemaId;
  }

  /** Registers (or finds) {@code schema} under {@code <topic>-value}. */
  public static <T extends SpecificRecord> AvroWire<T> register(
      URI registryUrl, String topic, Schema schema) {
    String subject = topic + "-value";
    try {
      byte[] body = JSON.writeValueAsBytes(Map.of("schema", schema.toString()));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(registryUrl + "/subjects/" + subject + "/versions"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/vnd.schemaregistry.v1+json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "registry answered "
                + response.statusCode()
                + " for "
                + subject
                + ": "
                + response.body());
      }
      return new AvroWire<>(schema, JSON.readTree(response.body()).path("id").asInt());
    } catch (IOException e) {
      throw new UncheckedIOException("registering " + subject, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public byte[] write(T record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    out.write(0);
    out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
