package org.dpem.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.MessageType;
import org.dpem.protocol.message.Schema;
import org.junit.jupiter.api.Test;

class PacketCodecTest {
  private final PacketCodec codec = new PacketCodec();

  @Test
  void everySampleRoundTripsByteForByte() {
    Set<MessageType> seen = EnumSet.noneOf(MessageType.class);
    long seq = 0;
    for (Message m : SampleMessages.all()) {
      byte[] p = codec.encode(Addresses.HOST, 3, seq, m);
      DecodeResult r = codec.decode(p);
      assertThat(r).as(m.toString()).isInstanceOf(DecodeResult.Accepted.class);
      Packet packet = ((DecodeResult.Accepted) r).packet();
      assertThat(packet.message()).isEqualTo(m);
      assertThat(packet.header()).isEqualTo(new Header(1, 0, 0, 0, 3, m.type().id(), seq,
          p.length - Header.SIZE - PacketCodec.CRC_SIZE));
      assertThat(codec.encode(Addresses.HOST, 3, seq, packet.message())).isEqualTo(p);
      seen.add(m.type());
      seq++;
    }
    assertThat(seen).containsExactlyInAnyOrder(MessageType.values());
  }

  @Test
  void headerIsLittleEndianAtFixedOffsets() {
    byte[] p = codec.encode(0x12, 0x34, 0xA1B2C3D4L, Flags.COMPAT_RETRANSMIT,
        new Message.Cancel(0x01020304));
    assertThat(java.util.Arrays.copyOf(p, Header.SIZE)).isEqualTo(new byte[] {
        1, 0, 1, 0x12, 0x34, 0x12, (byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1, 4, 0});
    assertThat(p).hasSize(Header.SIZE + 4 + PacketCodec.CRC_SIZE);
    assertThat(LittleEndian.u32(p, 12)).isEqualTo(0x01020304L);
  }

  @Test
  void crcCoversSchemaByteSoALayoutChangeFails() {
    Message m = new Message.Cancel(5);
    byte[] p = codec.encode(0, 1, 1, m);
    int plain = Crc32c.of(p, 0, p.length - 4);
    int withSchema = Crc32c.withSchemaByte(p, 0, p.length - 4, MessageType.CANCEL.schemaByte());
    assertThat(LittleEndian.i32(p, p.length - 4)).isEqualTo(withSchema).isNotEqualTo(plain);
    // Same bytes presented under a message id whose schema byte differs (FAULT_ACK has the same
    // field layout size): the CRC no longer matches.
    assertThat(MessageType.FAULT_ACK.schemaByte()).isNotEqualTo(MessageType.CANCEL.schemaByte());
    p[5] = (byte) MessageType.FAULT_ACK.id();
    assertThat(reason(codec.decode(p))).isEqualTo(RejectReason.BAD_CRC);
  }

  @Test
  void schemaBytesAreDistinctEnoughAndHashIsStableAcrossCalls() {
    assertThat(Schema.hash()).isEqualTo(Schema.hash());
    assertThat(Schema.text()).contains("COMMAND cmd_seq:u32").contains("ENABLE_SOURCE=1(");
    for (MessageType t : MessageType.values()) {
      assertThat(t.schemaByte()).isBetween(0, 255);
      assertThat(MessageType.fromId(t.id())).isSameAs(t);
    }
  }

  @Test
  void unknownIncompatibleFlagDropsUnknownCompatibleFlagIsIgnored() {
    byte[] p = codec.encode(0, 1, 1, new Message.Cancel(5));
    byte[] compat = p.clone();
    compat[2] = (byte) 0xFE;
    reseal(compat, MessageType.CANCEL);
    assertThat(codec.decode(compat).ok()).isTrue();
    byte[] incompat = p.clone();
    incompat[1] = 0x02;
    reseal(incompat, MessageType.CANCEL);
    DecodeResult r = codec.decode(incompat);
    assertThat(reason(r)).isEqualTo(RejectReason.UNKNOWN_INCOMPAT_FLAG);
    assertThat(r.toString()).contains("0x02");
  }

  @Test
  void lengthErrorsAreNamed() {
    byte[] p = codec.encode(0, 1, 1, new Message.Hello(1, 7, "h"));
    assertThat(reason(codec.decode(java.util.Arrays.copyOf(p, 10)))).isEqualTo(RejectReason.TOO_SHORT);
    assertThat(reason(codec.decode(java.util.Arrays.copyOf(p, p.length - 1))))
        .isEqualTo(RejectReason.TRUNCATED);
    assertThat(reason(codec.decode(java.util.Arrays.copyOf(p, p.length + 1))))
        .isEqualTo(RejectReason.BAD_LENGTH);
    byte[] v2 = p.clone();
    v2[0] = 2;
    assertThat(reason(codec.decode(v2))).isEqualTo(RejectReason.UNSUPPORTED_VERSION);
    byte[] unknown = p.clone();
    unknown[5] = 0x55;
    assertThat(reason(codec.decode(unknown))).isEqualTo(RejectReason.UNKNOWN_MESSAGE);
  }

  @Test
  void badPayloadNamesTheField() {
    // A HEARTBEAT with state byte 9, correctly sealed: the CRC passes, the field check does not.
    byte[] p = codec.encode(0, 1, 1,
        new Message.Heartbeat(1, org.dpem.protocol.message.DeviceStateCode.READY, 0));
    p[Header.SIZE + 12] = 9;
    reseal(p, MessageType.HEARTBEAT);
    DecodeResult r = codec.decode(p);
    assertThat(reason(r)).isEqualTo(RejectReason.BAD_PAYLOAD);
    assertThat(((DecodeResult.Rejected) r).detail()).contains("'state'").contains("offset 12");
  }

  @Test
  void listAndStringErrorsNameTheElement() {
    Message m = new Message.Telemetry(5, List.of(new Message.Reading("a", 1),
        new Message.Reading("bb", 2)));
    byte[] p = codec.encode(0, 1, 1, m);
    // Claim three readings: the third is missing.
    p[Header.SIZE + 8] = 3;
    reseal(p, MessageType.TELEMETRY);
    DecodeResult r = codec.decode(p);
    assertThat(reason(r)).isEqualTo(RejectReason.BAD_PAYLOAD);
    assertThat(((DecodeResult.Rejected) r).detail()).contains("'readings[2].name'");

    byte[] q = codec.encode(0, 1, 1, new Message.Hello(1, 7, "ab"));
    q[Header.SIZE + 6] = (byte) 0xC0; // an overlong UTF-8 lead byte
    reseal(q, MessageType.HELLO);
    DecodeResult r2 = codec.decode(q);
    assertThat(reason(r2)).isEqualTo(RejectReason.BAD_PAYLOAD);
    assertThat(((DecodeResult.Rejected) r2).detail()).contains("'host_id'").contains("UTF-8");

    byte[] t = codec.encode(0, 1, 1, new Message.Cancel(1));
    byte[] longer = java.util.Arrays.copyOf(t, t.length + 1);
    longer[10] = 5; // payload_len 5 with one extra byte: layout check finds a trailing byte
    reseal(longer, MessageType.CANCEL);
    DecodeResult r3 = codec.decode(longer);
    assertThat(reason(r3)).isEqualTo(RejectReason.BAD_PAYLOAD);
    assertThat(((DecodeResult.Rejected) r3).detail()).contains("1 bytes left");
  }

  @Test
  void oversizePayloadIsRefusedAtEncode() {
    List<Message.Reading> many = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(new Message.Reading("reading_number_" + i, i));
    }
    assertThatThrownBy(() -> codec.encode(0, 1, 1, new Message.Telemetry(0, many)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 960");
  }

  @Test
  void recordsRefuseUnencodableValues() {
    assertThatThrownBy(() -> new Message.Cancel(1L << 32)).hasMessageContaining("cmd_seq");
    assertThatThrownBy(() -> new Message.Hello(1, 0, "x".repeat(256)))
        .hasMessageContaining("host_id").hasMessageContaining("256");
    assertThatThrownBy(() -> new Message.Hello(1, 0, "\uD800")).hasMessageContaining("surrogate");
    assertThatThrownBy(() -> new Message.Command(1, -1, 0, new org.dpem.protocol.message.Operation.GoSafe()))
        .hasMessageContaining("allocation");
  }

  static RejectReason reason(DecodeResult r) {
    return r instanceof DecodeResult.Rejected rej ? rej.reason() : null;
  }

  /** Recomputes the CRC after a deliberate edit, so only the edited field is wrong. */
  static void reseal(byte[] p, MessageType type) {
    LittleEndian.putI32(p, p.length - 4,
        Crc32c.withSchemaByte(p, 0, p.length - 4, type.schemaByte()));
  }
}
