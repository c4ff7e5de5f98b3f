package org.dpem.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dpem.protocol.message.DeviceStateCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.MessageType;
import org.dpem.protocol.signing.Signer;

/**
 * Builds {@code vectors/golden.json} from this codec. Frames are meant to be decoded in file
 * order by one receiver that holds {@link #TEST_KEY} as key id 1 and accepts unsigned packets:
 * the replay vector relies on the signed vector before it. Run {@link #main} (or the golden
 * vector test with {@code -Dfwp.regenerate=true}) after a deliberate protocol change.
 */
final class GoldenVectors {
  static final Path FILE = Path.of("vectors", "golden.json");
  /** Test key: bytes 0x00..0x1f, key id 1. Never use it outside tests. */
  static final byte[] TEST_KEY = SigningTest.KEY;
  static final int TEST_KEY_ID = 1;
  static final long TEST_COUNTER = 1000;

  private static final HexFormat HEX = HexFormat.of();
  private final List<Map<String, Object>> out = new ArrayList<>();
  private final PacketCodec plain = new PacketCodec();

  private GoldenVectors() {}

  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : FILE;
    write(target);
    System.out.println("wrote " + build().size() + " vectors to " + target.toAbsolutePath());
  }

  static void write(Path target) throws IOException {
    java.nio.file.Files.writeString(target, json(), StandardCharsets.UTF_8);
  }

  static String json() throws IOException {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(build()) + "\n";
  }

  static List<Map<String, Object>> build() {
    GoldenVectors g = new GoldenVectors();
    g.crcVectors();
    g.cobsVectors();
    g.messageFrames();
    g.negativeFrames();
    return g.out;
  }

  private void crcVectors() {
    crc("crc32c_check_123456789", "123456789".getBytes(StandardCharsets.US_ASCII));
    crc("crc32c_empty", new byte[0]);
    crc("crc32c_32_zero_bytes", new byte[32]);
    byte[] ff = new byte[32];
    java.util.Arrays.fill(ff, (byte) 0xFF);
    crc("crc32c_32_ff_bytes", ff);
    byte[] inc = new byte[32];
    byte[] dec = new byte[32];
    for (int i = 0; i < 32; i++) {
      inc[i] = (byte) i;
      dec[i] = (byte) (31 - i);
    }
    crc("crc32c_32_incrementing", inc);
    crc("crc32c_32_decrementing", dec);
  }

  private void cobsVectors() {
    cobs("cobs_empty", new byte[0]);
    cobs("cobs_single_zero", new byte[1]);
    cobs("cobs_two_zeros", new byte[2]);
    cobs("cobs_all_zeros_8", new byte[8]);
    cobs("cobs_mixed", HEX.parseHex("11220033"));
    cobs("cobs_trailing_zero", HEX.parseHex("1100"));
    cobs("cobs_253_nonzero", CobsTest.run(1, 253));
    cobs("cobs_254_nonzero", CobsTest.run(1, 254));
    cobs("cobs_255_nonzero", CobsTest.run(1, 255));
    cobs("cobs_256_nonzero", CobsTest.run(1, 256));
    byte[] b254z = java.util.Arrays.copyOf(CobsTest.run(1, 254), 255);
    cobs("cobs_254_nonzero_then_zero", b254z);
    byte[] zb254 = new byte[255];
    System.arraycopy(CobsTest.run(1, 254), 0, zb254, 1, 254);
    cobs("cobs_zero_then_254_nonzero", zb254);
    cobs("cobs_508_nonzero", CobsTest.run(1, 508));
  }

  private void messageFrames() {
    long seq = 1;
    for (Message m : SampleMessages.all()) {
      String name = "frame_" + m.type().name().toLowerCase(Locale.ROOT);
      if (m instanceof Message.Command c) {
        name += "_" + c.operation().opcode().name().toLowerCase(Locale.ROOT);
        if (c.operation() instanceof org.dpem.protocol.message.Operation.SetParam sp) {
          name += sp.index() == org.dpem.protocol.message.Operation.SetParam.BY_NAME
              ? "_by_name" : "_by_index";
        }
      } else if (m instanceof Message.CommandAck a) {
        name += "_" + a.result().name().toLowerCase(Locale.ROOT);
      } else if (m instanceof Message.Heartbeat h) {
        name += "_" + h.state().name().toLowerCase(Locale.ROOT);
      } else if (m instanceof Message.TimeSync t) {
        name += t.response() ? "_response" : "_request";
      }
      boolean fromHost = m instanceof Message.Hello || m instanceof Message.Command
          || m instanceof Message.Cancel || m instanceof Message.FaultAck;
      frame(name, fromHost ? plain.encode(Addresses.HOST, 3, seq, m)
          : plain.encode(3, Addresses.HOST, seq, m), null);
      seq++;
    }
    byte[] compat = plain.encode(Addresses.HOST, 3, 500, 0x80 | Flags.COMPAT_RETRANSMIT,
        new Message.Cancel(3));
    frame("frame_unknown_compat_flag_ignored", compat, null);
  }

  private void negativeFrames() {
    Message hb = new Message.Heartbeat(1_000_000L, DeviceStateCode.READY, 3000);
    Signer signer = new Signer(TEST_KEY_ID, TEST_KEY, TEST_COUNTER);
    PacketCodec signing = new PacketCodec(signer, null, false);
    byte[] signed = signing.encode(Addresses.HOST, 3, 600, hb);
    frame("frame_signed_heartbeat_key1_counter1000", signed, null);

    byte[] forged = signing.encode(Addresses.HOST, 3, 601, hb); // counter 1001
    forged[forged.length - 4 - 1] ^= 0x01; // last MAC byte
    seal(forged, MessageType.HEARTBEAT);
    frame("frame_signed_bad_signature", forged, RejectReason.BAD_SIGNATURE);

    frame("frame_signed_replayed_counter1000", signed.clone(), RejectReason.REPLAY);

    byte[] next = signing.encode(Addresses.HOST, 3, 602, hb); // counter 1002
    frame("frame_signed_counter1002_after_replay", next, null);

    byte[] badCrc = plain.encode(Addresses.HOST, 3, 700, new Message.Cancel(3));
    badCrc[badCrc.length - 1] ^= 0x5A;
    frame("frame_bad_crc", badCrc, RejectReason.BAD_CRC);

    byte[] incompat = plain.encode(Addresses.HOST, 3, 701, new Message.Cancel(3));
    incompat[1] = 0x02;
    seal(incompat, MessageType.CANCEL);
    frame("frame_unknown_incompat_flag", incompat, RejectReason.UNKNOWN_INCOMPAT_FLAG);

    byte[] full = plain.encode(Addresses.HOST, 3, 702, new Message.Hello(1, 0x1234, "host-1"));
    frame("frame_truncated", java.util.Arrays.copyOf(full, full.length - 3),
        RejectReason.TRUNCATED);

    byte[] longer = java.util.Arrays.copyOf(full, full.length + 1);
    seal(longer, MessageType.HELLO);
    frame("frame_extra_byte_bad_length", longer, RejectReason.BAD_LENGTH);

    byte[] v2 = full.clone();
    v2[0] = 2;
    seal(v2, MessageType.HELLO);
    frame("frame_unsupported_version", v2, RejectReason.UNSUPPORTED_VERSION);

    byte[] unknown = full.clone();
    unknown[5] = 0x55;
    frame("frame_unknown_message_id", unknown, RejectReason.UNKNOWN_MESSAGE);

    byte[] badState = plain.encode(3, Addresses.HOST, 703, hb);
    badState[Header.SIZE + 12] = 9;
    seal(badState, MessageType.HEARTBEAT);
    frame("frame_bad_payload_state_code", badState, RejectReason.BAD_PAYLOAD);

    // A well-sealed packet whose frame is longer than the 1024-byte default limit.
    int payloadLen = 1100;
    byte[] big = new byte[Header.SIZE + payloadLen + PacketCodec.CRC_SIZE];
    new Header(1, 0, 0, 3, Addresses.HOST, MessageType.TELEMETRY.id(), 704, payloadLen)
        .write(big, 0);
    for (int i = 0; i < payloadLen; i++) {
      big[Header.SIZE + i] = (byte) (i * 7 + 1);
    }
    seal(big, MessageType.TELEMETRY);
    frame("frame_oversize", big, RejectReason.FRAME_TOO_LONG);
  }

  static void seal(byte[] p, MessageType type) {
    LittleEndian.putI32(p, p.length - 4,
        Crc32c.withSchemaByte(p, 0, p.length - 4, type.schemaByte()));
  }

  private void crc(String name, byte[] in) {
    Map<String, Object> v = vector(name, "crc32c");
    v.put("input_hex", HEX.formatHex(in));
    v.put("crc_hex", String.format("%08x", Crc32c.of(in)));
    out.add(v);
  }

  private void cobs(String name, byte[] in) {
    Map<String, Object> v = vector(name, "cobs");
    v.put("input_hex", HEX.formatHex(in));
    v.put("encoded_hex", HEX.formatHex(Cobs.encode(in)));
    out.add(v);
  }

  private void frame(String name, byte[] packet, RejectReason reason) {
    Map<String, Object> v = vector(name, "frame");
    v.put("packet_hex", HEX.formatHex(packet));
    v.put("wire_hex", HEX.formatHex(FrameEncoder.frame(packet)));
    v.put("valid", reason == null);
    Header h = Header.read(packet, 0);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("version", h.version());
    f.put("incompat_flags", h.incompatFlags());
    f.put("compat_flags", h.compatFlags());
    f.put("src", h.src());
    f.put("dst", h.dst());
    f.put("msg_id", h.msgId());
    f.put("seq", h.seq());
    f.put("payload_len", h.payloadLen());
    v.put("fields", f);
    if (reason != null) {
      v.put("reject_reason", reason.name());
    }
    out.add(v);
  }

  private static Map<String, Object> vector(String name, String kind) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("kind", kind);
    return v;
  }
}
