package org.dpem.protocol.message;

import java.util.List;

/** What a COMMAND asks the device to do: an {@link Opcode} and its arguments. */
public sealed interface Operation {

  /** The opcode this operation is sent as. */
  Opcode opcode();

  /** ENABLE_SOURCE: emit towards {@code peer} at {@code rate} pairs/s. */
  record EnableSource(String peer, double rate) implements Operation {
    public EnableSource {
      Check.str8("peer", peer);
    }

    @Override
    public Opcode opcode() {
      return Opcode.ENABLE_SOURCE;
    }
  }

  /** DISABLE_SOURCE. */
  record DisableSource() implements Operation {
    @Override
    public Opcode opcode() {
      return Opcode.DISABLE_SOURCE;
    }
  }

  /** RESERVE_SLOTS: hold {@code count} slots for pairs shared with {@code peers} (at most 255). */
  record ReserveSlots(int count, List<String> peers) implements Operation {
    public ReserveSlots {
      Check.u16("count", count);
      peers = List.copyOf(Check.notNull("peers", peers));
      if (peers.size() > 255) {
        throw new IllegalArgumentException("peers: at most 255, got " + peers.size());
      }
      for (String p : peers) {
        Check.str8("peers[]", p);
      }
    }

    @Override
    public Opcode opcode() {
      return Opcode.RESERVE_SLOTS;
    }
  }

  /** RELEASE_SLOTS. */
  record ReleaseSlots() implements Operation {
    @Override
    public Opcode opcode() {
      return Opcode.RELEASE_SLOTS;
    }
  }

  /** SWAP the halves whose partners sit at {@code left} and {@code right}. */
  record Swap(String left, String right) implements Operation {
    public Swap {
      Check.str8("left", left);
      Check.str8("right", right);
    }

    @Override
    public Opcode opcode() {
      return Opcode.SWAP;
    }
  }

  /** ARM_ANALYZER for pairs with {@code peer}, coincidence window {@code windowSeconds}. */
  record ArmAnalyzer(String peer, double windowSeconds) implements Operation {
    public ArmAnalyzer {
      Check.str8("peer", peer);
    }

    @Override
    public Opcode opcode() {
      return Opcode.ARM_ANALYZER;
    }
  }

  /** DISARM_ANALYZER. */
  record DisarmAnalyzer() implements Operation {
    @Override
    public Opcode opcode() {
      return Opcode.DISARM_ANALYZER;
    }
  }

  /**
   * SET_PARAM: set the parameter with descriptor {@code index}, or, when {@code index} is
   * {@link #BY_NAME}, the one called {@code name}. If both are given the device refuses with
   * INVALID unless they name the same parameter.
   */
  record SetParam(int index, String name, double value) implements Operation {
    /** The index value that means "look the parameter up by name". */
    public static final int BY_NAME = 0xFF;

    public SetParam {
      Check.u8("index", index);
      Check.str8("name", name);
      if (index == BY_NAME && name.isEmpty()) {
        throw new IllegalArgumentException("SET_PARAM needs a parameter index or a name");
      }
    }

    /** Set by name. */
    public static SetParam byName(String name, double value) {
      return new SetParam(BY_NAME, name, value);
    }

    /** Set by descriptor index. */
    public static SetParam byIndex(int index, double value) {
      return new SetParam(index, "", value);
    }

    @Override
    public Opcode opcode() {
      return Opcode.SET_PARAM;
    }
  }

  /** GO_SAFE. */
  record GoSafe() implements Operation {
    @Override
    public Opcode opcode() {
      return Opcode.GO_SAFE;
    }
  }

  /** CLEAR_FAULT: acknowledge latched faults and leave FAULT or SAFE. */
  record ClearFault() implements Operation {
    @Override
    public Opcode opcode() {
      return Opcode.CLEAR_FAULT;
    }
  }

  /** GET_INFO: the device sends DEVICE_INFO, then the ack. */
  record GetInfo() implements Operation {
    @Override
    public Opcode opcode() {
      return Opcode.GET_INFO;
    }
  }

  /** GET_PARAMS: the device sends each PARAM_DESCRIPTOR, then the ack. */
  record GetParams() implements Operation {
    @Override
    public Opcode opcode() {
      return Opcode.GET_PARAMS;
    }
  }

  /** STOCK_SLOTS: hold {@code count} slots as a stock of pairs on the link to {@code peer}. */
  record StockSlots(int count, String peer) implements Operation {
    public StockSlots {
      Check.u16("count", count);
      Check.str8("peer", peer);
    }

    @Override
    public Opcode opcode() {
      return Opcode.STOCK_SLOTS;
    }
  }

  /**
   * HAND_OVER: move up to {@code pairs} pairs stored by the stock {@code from} on the link to
   * {@code peer}, each of fidelity at least {@code minFidelity}, into the command's allocation.
   */
  record HandOver(long from, String peer, int pairs, double minFidelity) implements Operation {
    public HandOver {
      Check.u63("from", from);
      Check.u16("pairs", pairs);
      Check.str8("peer", peer);
    }

    @Override
    public Opcode opcode() {
      return Opcode.HAND_OVER;
    }
  }
}
