package org.dpem.protocol.message;

/**
 * COMMAND opcodes with their argument layouts. Numeric codes are stable; each maps to one host
 * command of the hardware abstraction (plus the two queries).
 */
public enum Opcode {
  /** Point a source at the link to {@code peer} and emit at {@code rate} pairs/s. */
  ENABLE_SOURCE(0x01, "rate:f64 peer:str8"),
  /** Stop emitting for the allocation (allocation 0: entirely). */
  DISABLE_SOURCE(0x02, ""),
  /** Hold {@code count} memory slots for halves of pairs shared with {@code peers}. */
  RESERVE_SLOTS(0x03, "count:u16 peer_count:u8 peers:str8[peer_count]"),
  /** Free every slot the allocation holds. */
  RELEASE_SLOTS(0x04, ""),
  /** Swap the halves stored for the allocation whose partners sit at {@code left} and {@code right}. */
  SWAP(0x05, "left:str8 right:str8"),
  /** Arm a Bell-state analyzer for pairs with {@code peer} and a window of {@code window_s}. */
  ARM_ANALYZER(0x06, "window_s:f64 peer:str8"),
  /** Disarm the analyzer for the allocation. */
  DISARM_ANALYZER(0x07, ""),
  /** Set one parameter by index (or by name when index is 0xFF). */
  SET_PARAM(0x08, "index:u8 value:f64 name:str8"),
  /** Enter the safe state. */
  GO_SAFE(0x09, ""),
  /** Acknowledge latched faults and leave FAULT or SAFE. */
  CLEAR_FAULT(0x0A, ""),
  /** Ask for DEVICE_INFO (sent before the ack). */
  GET_INFO(0x0B, ""),
  /** Ask for every PARAM_DESCRIPTOR (sent before the ack). */
  GET_PARAMS(0x0C, ""),
  /** Hold {@code count} slots as a stock of pairs on the link to {@code peer}, kept for a hand-over. */
  STOCK_SLOTS(0x0D, "count:u16 peer:str8"),
  /**
   * Move up to {@code pairs} stored pairs on the link to {@code peer}, of fidelity at least
   * {@code min_fidelity}, with their slots, from the stock {@code from} to the allocation.
   */
  HAND_OVER(0x0E, "from:u64 pairs:u16 min_fidelity:f64 peer:str8");

  private static final Opcode[] BY_CODE = new Opcode[0x0F];

  static {
    for (Opcode o : values()) {
      BY_CODE[o.code] = o;
    }
  }

  private final int code;
  private final String layout;

  Opcode(int code, String layout) {
    this.code = code;
    this.layout = layout;
  }

  /** The stable wire code. */
  public int code() {
    return code;
  }

  /** The argument layout, part of the COMMAND schema text; empty for no arguments. */
  public String layout() {
    return layout;
  }

  /** The opcode with wire code {@code code}, or null if none. */
  public static Opcode fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  /**
   * Whether a device that verifies signatures refuses this opcode unsigned ({@code UNAUTHORIZED}):
   * every actuating opcode, and CLEAR_FAULT, the one command that leaves SAFE or FAULT. Only
   * commands that stop or read are accepted unsigned, because stopping must always be possible
   * and leaving SAFE must never be possible for whoever can merely reach the wire or the broker.
   */
  public boolean needsSignature() {
    return this == CLEAR_FAULT || !towardsRest();
  }

  /** Whether this opcode only takes the device towards rest; such commands are never refused for limits or faults. */
  public boolean towardsRest() {
    return switch (this) {
      case DISABLE_SOURCE, RELEASE_SLOTS, DISARM_ANALYZER, GO_SAFE, CLEAR_FAULT, GET_INFO,
          GET_PARAMS -> true;
      default -> false;
    };
  }
}
