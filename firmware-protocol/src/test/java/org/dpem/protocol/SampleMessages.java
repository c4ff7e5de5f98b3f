package org.dpem.protocol;

import java.util.List;
import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.DeviceKindCode;
import org.dpem.protocol.message.DeviceStateCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.Operation;
import org.dpem.protocol.message.Schema;

/** One fixed example of every message type and every opcode, for tests and golden vectors. */
final class SampleMessages {
  private SampleMessages() {}

  /** Every message type at least once; COMMAND once per opcode. */
  static List<Message> all() {
    return List.of(
        new Message.Hello(Schema.PROTOCOL_VERSION, Schema.hash(), "host-1"),
        new Message.DeviceInfo("src-a1", "node-a", DeviceKindCode.SOURCE, "SPDC-810",
            "1.4.2", Schema.hash(), 1),
        new Message.ParamDescriptor(0, "rate", "pairs/s", 0.0, 10.0, 0.5, 2.0),
        new Message.Heartbeat(1_000_000L, DeviceStateCode.READY, 3000),
        new Message.Heartbeat(5_000_123L, DeviceStateCode.SAFE, 0),
        command(1, new Operation.EnableSource("node-b", 7.5)),
        command(2, new Operation.DisableSource()),
        command(3, new Operation.ReserveSlots(2, List.of("node-a", "node-c"))),
        command(4, new Operation.ReleaseSlots()),
        command(5, new Operation.Swap("node-a", "node-c")),
        command(6, new Operation.ArmAnalyzer("node-d", 2.5e-9)),
        command(7, new Operation.DisarmAnalyzer()),
        command(8, Operation.SetParam.byName("rate", 4.0)),
        command(9, Operation.SetParam.byIndex(0, 4.5)),
        command(10, new Operation.GoSafe()),
        command(11, new Operation.ClearFault()),
        command(12, new Operation.GetInfo()),
        command(13, new Operation.GetParams()),
        command(14, new Operation.StockSlots(3, "node-b")),
        command(15, new Operation.HandOver(900, "node-b", 2, 0.8)),
        new Message.CommandAck(1, AckCode.OK, ""),
        new Message.CommandAck(2, AckCode.OUT_OF_LIMITS, "rate=12 exceeds max 10 pairs/s"),
        new Message.Cancel(3),
        new Message.Telemetry(2_000_000L, List.of(new Message.Reading("rate", 7.45),
            new Message.Reading("temperature_k", 3.9))),
        new Message.Herald(2_100_000L, 42, "node-b", 0.97),
        new Message.SwapOutcome(2_200_000L, 42, "node-a", "node-c", true),
        new Message.PairDelivered(2_300_000L, 42, "node-a", "node-d", 0.91),
        Message.TimeSync.request(10_000L),
        new Message.TimeSync(true, 10_000L, 5_010_000L, 5_010_050L),
        new Message.Fault(7, 3_000_000L, "OVERTEMP", "crystal at 312 K", true),
        new Message.FaultAck(7),
        new Message.ProtocolError(RejectReason.BAD_CRC, 0x10, 99, "crc mismatch"));
  }

  static Message.Command command(long seq, Operation op) {
    return new Message.Command(seq, 42, 9_000_000L, op);
  }
}
