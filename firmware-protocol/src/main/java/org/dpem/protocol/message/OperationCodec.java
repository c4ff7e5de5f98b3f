package org.dpem.protocol.message;

import java.util.List;
import org.dpem.protocol.message.Operation.ArmAnalyzer;
import org.dpem.protocol.message.Operation.EnableSource;
import org.dpem.protocol.message.Operation.HandOver;
import org.dpem.protocol.message.Operation.ReserveSlots;
import org.dpem.protocol.message.Operation.SetParam;
import org.dpem.protocol.message.Operation.StockSlots;
import org.dpem.protocol.message.Operation.Swap;

/** Argument encoding of COMMAND opcodes, in the order of {@link Opcode#layout()}. */
final class OperationCodec {
  private OperationCodec() {}

  static int size(Operation op) {
    return switch (op.opcode()) {
      case ENABLE_SOURCE -> 8 + PayloadWriter.str8Size(((EnableSource) op).peer());
      case RESERVE_SLOTS -> {
        int n = 2 + 1;
        for (String p : ((ReserveSlots) op).peers()) {
          n += PayloadWriter.str8Size(p);
        }
        yield n;
      }
      case SWAP -> PayloadWriter.str8Size(((Swap) op).left())
          + PayloadWriter.str8Size(((Swap) op).right());
      case ARM_ANALYZER -> 8 + PayloadWriter.str8Size(((ArmAnalyzer) op).peer());
      case SET_PARAM -> 1 + 8 + PayloadWriter.str8Size(((SetParam) op).name());
      case STOCK_SLOTS -> 2 + PayloadWriter.str8Size(((StockSlots) op).peer());
      case HAND_OVER -> 8 + 2 + 8 + PayloadWriter.str8Size(((HandOver) op).peer());
      case DISABLE_SOURCE, RELEASE_SLOTS, DISARM_ANALYZER, GO_SAFE, CLEAR_FAULT, GET_INFO,
          GET_PARAMS -> 0;
    };
  }

  static void write(Operation op, PayloadWriter w) {
    switch (op.opcode()) {
      case ENABLE_SOURCE -> {
        EnableSource e = (EnableSource) op;
        w.f64(e.rate());
        w.str8(e.peer());
      }
      case RESERVE_SLOTS -> {
        ReserveSlots r = (ReserveSlots) op;
        w.u16(r.count());
        w.u8(r.peers().size());
        for (String p : r.peers()) {
          w.str8(p);
        }
      }
      case SWAP -> {
        Swap s = (Swap) op;
        w.str8(s.left());
        w.str8(s.right());
      }
      case ARM_ANALYZER -> {
        ArmAnalyzer a = (ArmAnalyzer) op;
        w.f64(a.windowSeconds());
        w.str8(a.peer());
      }
      case SET_PARAM -> {
        SetParam s = (SetParam) op;
        w.u8(s.index());
        w.f64(s.value());
        w.str8(s.name());
      }
      case STOCK_SLOTS -> {
        StockSlots s = (StockSlots) op;
        w.u16(s.count());
        w.str8(s.peer());
      }
      case HAND_OVER -> {
        HandOver h = (HandOver) op;
        w.i64(h.from());
        w.u16(h.pairs());
        w.f64(h.minFidelity());
        w.str8(h.peer());
      }
      default -> {
        // No arguments.
      }
    }
  }

  static Operation read(PayloadReader r) throws MalformedPayloadException {
    int at = r.offset();
    int code = r.u8("opcode");
    Opcode opcode = Opcode.fromCode(code);
    if (opcode == null) {
      throw new MalformedPayloadException(
          "field 'opcode' at payload offset " + at + " is " + code + ", not an opcode");
    }
    return switch (opcode) {
      case ENABLE_SOURCE -> {
        double rate = r.f64("rate");
        yield new EnableSource(r.str8("peer"), rate);
      }
      case DISABLE_SOURCE -> new Operation.DisableSource();
      case RESERVE_SLOTS -> {
        int count = r.u16("count");
        int n = r.u8("peer_count");
        String[] peers = new String[n];
        for (int i = 0; i < n; i++) {
          peers[i] = r.str8("peers[]", i);
        }
        yield new ReserveSlots(count, List.of(peers));
      }
      case RELEASE_SLOTS -> new Operation.ReleaseSlots();
      case SWAP -> new Swap(r.str8("left"), r.str8("right"));
      case ARM_ANALYZER -> {
        double window = r.f64("window_s");
        yield new ArmAnalyzer(r.str8("peer"), window);
      }
      case DISARM_ANALYZER -> new Operation.DisarmAnalyzer();
      case SET_PARAM -> {
        int index = r.u8("index");
        double value = r.f64("value");
        yield new SetParam(index, r.str8("name"), value);
      }
      case GO_SAFE -> new Operation.GoSafe();
      case CLEAR_FAULT -> new Operation.ClearFault();
      case GET_INFO -> new Operation.GetInfo();
      case GET_PARAMS -> new Operation.GetParams();
      case STOCK_SLOTS -> {
        int count = r.u16("count");
        yield new StockSlots(count, r.str8("peer"));
      }
      case HAND_OVER -> {
        long from = r.u63("from");
        int pairs = r.u16("pairs");
        double min = r.f64("min_fidelity");
        yield new HandOver(from, r.str8("peer"), pairs, min);
      }
    };
  }
}
