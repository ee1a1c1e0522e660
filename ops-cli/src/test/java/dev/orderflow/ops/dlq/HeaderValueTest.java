package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class HeaderValueTest {
  @Test
  void textIsShownAsText() {
    assertThat(HeaderValue.of("PERMANENT".getBytes(UTF_8)).display()).isEqualTo("PERMANENT");
  }

  @Test
  void aDecimalEpochMillisecondTimeGetsItsDateBesideIt() {
    assertThat(HeaderValue.of("1777630530250".getBytes(UTF_8)).display())
        .isEqualTo("1777630530250 (2026-05-01T10:15:30.250Z)");
  }

  @Test
  void smallDecimalsAreNotMistakenForTimes() {
    HeaderValue value = HeaderValue.of("131026".getBytes(UTF_8));
    assertThat(value.display()).isEqualTo("131026");
    assertThat(value.number()).isEqualTo(131026L);
  }

  @Test
  void fourBinaryBytesAreABigEndianInt() {
    HeaderValue value = HeaderValue.of(ByteBuffer.allocate(4).putInt(-2).array());
    assertThat(value.display()).isEqualTo("-2 (4-byte int, 0xfffffffe)");
    assertThat(value.form()).isEqualTo("int32");
  }

  @Test
  void eightBinaryBytesAreABigEndianLong() {
    HeaderValue value = HeaderValue.of(ByteBuffer.allocate(8).putLong(1_777_630_530_250L).array());
    assertThat(value.display())
        .isEqualTo("1777630530250 (2026-05-01T10:15:30.250Z) (8-byte long, 0x0000019de3094aca)");
  }

  @Test
  void otherBytesAreHexAndBase64() {
    assertThat(HeaderValue.of(new byte[] {0, 1, (byte) 0xff}).display())
        .isEqualTo("0x0001ff (base64 AAH/)");
  }

  @Test
  void aNullValueSaysSo() {
    assertThat(HeaderValue.of(null).display()).isEqualTo("(null)");
  }
}
