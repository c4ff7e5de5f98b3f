package org.dpem.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CobsTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void textbookExamples() {
    assertThat(enc("")).isEqualTo("01");
    assertThat(enc("00")).isEqualTo("0101");
    assertThat(enc("0000")).isEqualTo("010101");
    assertThat(enc("001100")).isEqualTo("01021101");
    assertThat(enc("11220033")).isEqualTo("0311220233");
    assertThat(enc("11223344")).isEqualTo("0511223344");
    assertThat(enc("11000000")).isEqualTo("0211010101");
  }

  @Test
  void blockBoundaries() {
    byte[] b254 = run(1, 254);
    assertThat(Cobs.encode(b254)).hasSize(255).startsWith((byte) 0xFF);
    byte[] b255 = run(1, 255);
    byte[] e255 = Cobs.encode(b255);
    assertThat(e255).hasSize(257);
    assertThat(e255[0] & 0xFF).isEqualTo(0xFF);
    assertThat(e255[255] & 0xFF).isEqualTo(0x02);
    for (int n : new int[] {253, 254, 255, 256, 508, 509, 1000}) {
      byte[] in = run(1, n);
      assertThat(Cobs.decode(Cobs.encode(in))).isEqualTo(in);
      assertThat(Cobs.encode(in).length).isLessThanOrEqualTo(Cobs.maxEncodedLength(n));
    }
  }

  @Test
  void decoderRefusesNonCanonicalAndMalformed() {
    byte[] nonCanonical = new byte[256];
    nonCanonical[0] = (byte) 0xFF;
    System.arraycopy(run(1, 254), 0, nonCanonical, 1, 254);
    nonCanonical[255] = 1;
    assertThat(Cobs.decode(nonCanonical, 0, 256, new byte[256], 0)).isEqualTo(-1);
    assertThat(Cobs.decode(new byte[0], 0, 0, new byte[1], 0)).isEqualTo(-1);
    assertThat(Cobs.decode(HEX.parseHex("0311"), 0, 2, new byte[4], 0)).isEqualTo(-1);
    assertThat(Cobs.decode(HEX.parseHex("021100"), 0, 3, new byte[4], 0)).isEqualTo(-1);
    assertThatThrownBy(() -> Cobs.decode(HEX.parseHex("05"))).hasMessageContaining("COBS");
  }

  @Test
  void decodesInPlace() {
    byte[] in = HEX.parseHex("00112200330000");
    byte[] enc = Cobs.encode(in);
    int n = Cobs.decode(enc, 0, enc.length, enc, 0);
    assertThat(java.util.Arrays.copyOf(enc, n)).isEqualTo(in);
  }

  private static String enc(String hex) {
    return HEX.formatHex(Cobs.encode(HEX.parseHex(hex)));
  }

  static byte[] run(int first, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ((first + i - 1) % 255 + 1);
    }
    return b;
  }
}
