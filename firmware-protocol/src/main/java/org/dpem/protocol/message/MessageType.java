package org.dpem.protocol.message;

import java.nio.charset.StandardCharsets;
import org.dpem.protocol.Crc32c;

/**
 * Message ids with their field layouts. The layout text is the single source of each message's
 * schema byte (CRC-32C of the text folded to 8 bits): changing a field without changing the text
 * fails the tests, changing the text changes the schema byte, so old and new peers reject each
 * other's packets instead of misreading them. Numeric ids are stable.
 */
public enum MessageType {
  /** Host to device: start of the handshake. */
  HELLO(0x01, "HELLO protocol_version:u8 schema_hash:u32 host_id:str8"),
  /** Device to host: identity, answer to HELLO or GET_INFO. */
  DEVICE_INFO(0x02, "DEVICE_INFO schema_hash:u32 kind:u8 param_count:u8 device_id:str8"
      + " node_id:str8 model:str8 firmware:str8"),
  /** Device to host: one settable parameter and its limits. */
  PARAM_DESCRIPTOR(0x03, "PARAM_DESCRIPTOR index:u8 min:f64 max:f64 step:f64 max_rate:f64"
      + " name:str8 unit:str8"),
  /** Both ways: liveness; the host's carries the dead-man timeout. */
  HEARTBEAT(0x04, "HEARTBEAT time_us:u64 deadman_ms:u32 state:u8"),
  /** Host to device: do something, idempotent by cmd_seq, before a deadline. */
  COMMAND(0x10, "COMMAND cmd_seq:u32 allocation:u64 deadline_us:u64 opcode:u8 args:by_opcode"),
  /** Device to host: how a command ended. */
  COMMAND_ACK(0x11, "COMMAND_ACK cmd_seq:u32 result:u8 detail:str8"),
  /** Host to device: drop a command not yet in effect. */
  CANCEL(0x12, "CANCEL cmd_seq:u32"),
  /** Device to host: named readings. */
  TELEMETRY(0x20, "TELEMETRY time_us:u64 count:u8 readings:{name:str8 value:f64}[count]"),
  /** Device to host: a link pair was heralded and one half stored. */
  HERALD(0x21, "HERALD time_us:u64 allocation:u64 fidelity:f64 peer:str8"),
  /** Device to host: a swap finished. */
  SWAP_OUTCOME(0x22, "SWAP_OUTCOME time_us:u64 allocation:u64 success:bool left:str8 right:str8"),
  /** Device to host: an end-to-end pair is ready. */
  PAIR_DELIVERED(0x23, "PAIR_DELIVERED time_us:u64 allocation:u64 fidelity:f64 a:str8 b:str8"),
  /** Both ways: clock offset measurement, NTP style. */
  TIME_SYNC(0x30, "TIME_SYNC phase:u8 t1_us:u64 t2_us:u64 t3_us:u64"),
  /** Device to host: a fault; latched ones are re-sent until FAULT_ACK. */
  FAULT(0x40, "FAULT fault_id:u32 time_us:u64 latched:bool code:str8 message:str8"),
  /** Host to device: a FAULT was received. */
  FAULT_ACK(0x41, "FAULT_ACK fault_id:u32"),
  /** Both ways: a packet was dropped, and why. */
  PROTOCOL_ERROR(0x7F, "PROTOCOL_ERROR reason:u8 ref_msg_id:u8 ref_seq:u32 detail:str8");

  private static final MessageType[] BY_ID = new MessageType[256];

  static {
    for (MessageType t : values()) {
      BY_ID[t.id] = t;
    }
  }

  private final int id;
  private final String baseLayout;
  private String layout;
  private int schemaByte = -1;

  MessageType(int id, String layout) {
    this.id = id;
    this.baseLayout = layout;
  }

  /** The stable message id (header byte 5). */
  public int id() {
    return id;
  }

  /**
   * The layout text hashed into the schema byte. COMMAND's text includes every opcode's argument
   * layout, one {@code " NAME=code(args)"} term per opcode.
   */
  public String layout() {
    String l = layout;
    if (l == null) {
      l = baseLayout;
      if (this == COMMAND) {
        StringBuilder sb = new StringBuilder(l);
        for (Opcode o : Opcode.values()) {
          sb.append(' ').append(o.name()).append('=').append(o.code()).append('(')
              .append(o.layout()).append(')');
        }
        l = sb.toString();
      }
      layout = l;
    }
    return l;
  }

  /** The schema byte: CRC-32C of the UTF-8 layout text, its four bytes XORed together. */
  public int schemaByte() {
    int s = schemaByte;
    if (s < 0) {
      byte[] text = layout().getBytes(StandardCharsets.UTF_8);
      int crc = Crc32c.of(text);
      s = (crc ^ crc >>> 8 ^ crc >>> 16 ^ crc >>> 24) & 0xFF;
      schemaByte = s;
    }
    return s;
  }

  /** The message type with id {@code id}, or null if none. */
  public static MessageType fromId(int id) {
    return id >= 0 && id < 256 ? BY_ID[id] : null;
  }
}
