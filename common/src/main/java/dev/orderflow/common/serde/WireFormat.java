package dev.orderflow.common.serde;

import static dev.orderflow.common.serde.WireFormatException.Kind.TOO_SHORT;
import static dev.orderflow.common.serde.WireFormatException.Kind.WRONG_MAGIC_BYTE;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** The 5-byte Confluent header: magic byte 0, then the schema id as a big-endian int. */
final class WireFormat {
  static final byte MAGIC_BYTE = 0;
  static final int HEADER_LENGTH = 5;
  private static final int BYTES_SHOWN = 8;

  private WireFormat() {}

  /** The schema id a framed record names, after checking that it is framed at all. */
  static int schemaIdOf(String topic, byte[] data) {
    if (data.length == 0) {
      throw new WireFormatException(
          TOO_SHORT,
          topic,
          "empty value (0 bytes); a Confluent-format record has at least "
              + HEADER_LENGTH
              + " (magic byte and schema id), and a tombstone is null, not empty");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new WireFormatException(WRONG_MAGIC_BYTE, topic, wrongMagic(data));
    }
    if (data.length < HEADER_LENGTH) {
      throw new WireFormatException(
          TOO_SHORT,
          topic,
          "%d bytes (%s), but the header alone is %d (magic byte and 4-byte schema id)"
              .formatted(data.length, head(data), HEADER_LENGTH));
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }

  /** Writes the header into the first five bytes of a record whose Avro body follows them. */
  static byte[] writeHeader(byte[] framed, int schemaId) {
    ByteBuffer.wrap(framed).put(MAGIC_BYTE).putInt(schemaId);
    return framed;
  }

  static String head(byte[] data) {
    int shown = Math.min(data.length, BYTES_SHOWN);
    String hex = HexFormat.ofDelimiter(" ").formatHex(data, 0, shown);
    return shown < data.length ? hex + " …" : hex;
  }

  private static String wrongMagic(byte[] data) {
    String message =
        "%d bytes starting %s: the first byte is 0x%02x, but the Confluent wire format starts with"
                .formatted(data.length, head(data), data[0])
            + " magic byte 0x00";
    return data[0] == '{' || data[0] == '[' ? message + " (this looks like JSON text)" : message;
  }
}
