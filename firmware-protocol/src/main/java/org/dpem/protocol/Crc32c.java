package org.dpem.protocol;

import java.util.zip.CRC32C;

/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78, init and final XOR 0xFFFFFFFF), the
 * packet checksum of FWP/1. A thin wrapper over {@link CRC32C}, which uses the CPU's CRC
 * instruction where there is one.
 */
public final class Crc32c {
  private Crc32c() {}

  /** The CRC-32C of {@code data}. The check value of ASCII "123456789" is 0xE3069283. */
  public static int of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** The CRC-32C of {@code len} bytes of {@code data} from {@code off}. */
  public static int of(byte[] data, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(data, off, len);
    return (int) crc.getValue();
  }

  /**
   * The packet checksum: CRC-32C over {@code len} bytes from {@code off} followed by one more byte,
   * the message's schema byte (the MAVLink "CRC_EXTRA" idea), so that a sender and a receiver
   * that disagree about a message's field layout reject each other's packets.
   */
  public static int withSchemaByte(byte[] data, int off, int len, int schemaByte) {
    CRC32C crc = new CRC32C();
    crc.update(data, off, len);
    crc.update(schemaByte & 0xFF);
    return (int) crc.getValue();
  }
}
