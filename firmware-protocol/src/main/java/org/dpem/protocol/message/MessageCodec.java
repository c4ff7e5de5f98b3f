package org.dpem.protocol.message;

import java.util.List;
import org.dpem.protocol.RejectReason;
import org.dpem.protocol.message.Message.Cancel;
import org.dpem.protocol.message.Message.Command;
import org.dpem.protocol.message.Message.CommandAck;
import org.dpem.protocol.message.Message.DeviceInfo;
import org.dpem.protocol.message.Message.Fault;
import org.dpem.protocol.message.Message.FaultAck;
import org.dpem.protocol.message.Message.Heartbeat;
import org.dpem.protocol.message.Message.Hello;
import org.dpem.protocol.message.Message.Herald;
import org.dpem.protocol.message.Message.PairDelivered;
import org.dpem.protocol.message.Message.ParamDescriptor;
import org.dpem.protocol.message.Message.ProtocolError;
import org.dpem.protocol.message.Message.Reading;
import org.dpem.protocol.message.Message.SwapOutcome;
import org.dpem.protocol.message.Message.Telemetry;
import org.dpem.protocol.message.Message.TimeSync;

/**
 * Payload encoding of every message, in the field order of {@link MessageType#layout()}. Stateless
 * and thread-safe.
 */
public final class MessageCodec {
  private MessageCodec() {}

  /** The encoded payload size of {@code m} in bytes. */
  public static int payloadSize(Message m) {
    return switch (m.type()) {
      case HELLO -> {
        Hello h = (Hello) m;
        yield 1 + 4 + PayloadWriter.str8Size(h.hostId());
      }
      case DEVICE_INFO -> {
        DeviceInfo d = (DeviceInfo) m;
        yield 4 + 1 + 1 + PayloadWriter.str8Size(d.deviceId())
          + PayloadWriter.str8Size(d.nodeId()) + PayloadWriter.str8Size(d.model())
          + PayloadWriter.str8Size(d.firmware());
      }
      case PARAM_DESCRIPTOR -> {
        ParamDescriptor p = (ParamDescriptor) m;
        yield 1 + 4 * 8 + PayloadWriter.str8Size(p.name())
          + PayloadWriter.str8Size(p.unit());
      }
      case HEARTBEAT -> 8 + 4 + 1;
      case COMMAND -> {
        Command c = (Command) m;
        yield 4 + 8 + 8 + 1 + OperationCodec.size(c.operation());
      }
      case COMMAND_ACK -> {
        CommandAck a = (CommandAck) m;
        yield 4 + 1 + PayloadWriter.str8Size(a.detail());
      }
      case CANCEL -> 4;
      case TELEMETRY -> {
        Telemetry t = (Telemetry) m;
        int n = 8 + 1;
        for (Reading r : t.readings()) {
          n += PayloadWriter.str8Size(r.name()) + 8;
        }
        yield n;
      }
      case HERALD -> {
        Herald h = (Herald) m;
        yield 8 + 8 + 8 + PayloadWriter.str8Size(h.peer());
      }
      case SWAP_OUTCOME -> {
        SwapOutcome s = (SwapOutcome) m;
        yield 8 + 8 + 1 + PayloadWriter.str8Size(s.left())
          + PayloadWriter.str8Size(s.right());
      }
      case PAIR_DELIVERED -> {
        PairDelivered p = (PairDelivered) m;
        yield 8 + 8 + 8 + PayloadWriter.str8Size(p.a())
          + PayloadWriter.str8Size(p.b());
      }
      case TIME_SYNC -> 1 + 3 * 8;
      case FAULT -> {
        Fault f = (Fault) m;
        yield 4 + 8 + 1 + PayloadWriter.str8Size(f.code())
          + PayloadWriter.str8Size(f.message());
      }
      case FAULT_ACK -> 4;
      case PROTOCOL_ERROR -> {
        ProtocolError e = (ProtocolError) m;
        yield 1 + 1 + 4 + PayloadWriter.str8Size(e.detail());
      }
    };
  }

  /**
   * Writes the payload of {@code m} into {@code buf} at {@code off}, which needs
   * {@link #payloadSize(Message)} bytes of room.
   *
   * @return the offset just past the payload
   */
  public static int write(Message m, byte[] buf, int off) {
    PayloadWriter w = new PayloadWriter(buf, off);
    switch (m.type()) {
      case HELLO -> {
        Hello h = (Hello) m;
        w.u8(h.protocolVersion());
        w.u32(h.schemaHash());
        w.str8(h.hostId());
      }
      case DEVICE_INFO -> {
        DeviceInfo d = (DeviceInfo) m;
        w.u32(d.schemaHash());
        w.u8(d.kind().code());
        w.u8(d.paramCount());
        w.str8(d.deviceId());
        w.str8(d.nodeId());
        w.str8(d.model());
        w.str8(d.firmware());
      }
      case PARAM_DESCRIPTOR -> {
        ParamDescriptor p = (ParamDescriptor) m;
        w.u8(p.index());
        w.f64(p.min());
        w.f64(p.max());
        w.f64(p.step());
        w.f64(p.maxRatePerSecond());
        w.str8(p.name());
        w.str8(p.unit());
      }
      case HEARTBEAT -> {
        Heartbeat h = (Heartbeat) m;
        w.i64(h.timeMicros());
        w.u32(h.deadmanMillis());
        w.u8(h.state().code());
      }
      case COMMAND -> {
        Command c = (Command) m;
        w.u32(c.cmdSeq());
        w.i64(c.allocation());
        w.i64(c.deadlineMicros());
        w.u8(c.operation().opcode().code());
        OperationCodec.write(c.operation(), w);
      }
      case COMMAND_ACK -> {
        CommandAck a = (CommandAck) m;
        w.u32(a.cmdSeq());
        w.u8(a.result().code());
        w.str8(a.detail());
      }
      case CANCEL -> {
        Cancel c = (Cancel) m;
        w.u32(c.cmdSeq());
      }
      case TELEMETRY -> {
        Telemetry t = (Telemetry) m;
        w.i64(t.timeMicros());
        w.u8(t.readings().size());
        for (Reading r : t.readings()) {
          w.str8(r.name());
          w.f64(r.value());
        }
      }
      case HERALD -> {
        Herald h = (Herald) m;
        w.i64(h.timeMicros());
        w.i64(h.allocation());
        w.f64(h.fidelity());
        w.str8(h.peer());
      }
      case SWAP_OUTCOME -> {
        SwapOutcome s = (SwapOutcome) m;
        w.i64(s.timeMicros());
        w.i64(s.allocation());
        w.bool(s.success());
        w.str8(s.left());
        w.str8(s.right());
      }
      case PAIR_DELIVERED -> {
        PairDelivered p = (PairDelivered) m;
        w.i64(p.timeMicros());
        w.i64(p.allocation());
        w.f64(p.fidelity());
        w.str8(p.a());
        w.str8(p.b());
      }
      case TIME_SYNC -> {
        TimeSync t = (TimeSync) m;
        w.u8(t.response() ? 1 : 0);
        w.i64(t.t1Micros());
        w.i64(t.t2Micros());
        w.i64(t.t3Micros());
      }
      case FAULT -> {
        Fault f = (Fault) m;
        w.u32(f.faultId());
        w.i64(f.timeMicros());
        w.bool(f.latched());
        w.str8(f.code());
        w.str8(f.message());
      }
      case FAULT_ACK -> {
        FaultAck f = (FaultAck) m;
        w.u32(f.faultId());
      }
      case PROTOCOL_ERROR -> {
        ProtocolError e = (ProtocolError) m;
        w.u8(e.reason().code());
        w.u8(e.refMsgId());
        w.u32(e.refSeq());
        w.str8(e.detail());
      }
    }
    return w.position();
  }

  /**
   * Reads the payload of a {@code type} message from {@code len} bytes at {@code off}.
   *
   * @throws MalformedPayloadException naming the field when the bytes do not follow the layout
   */
  public static Message read(MessageType type, byte[] buf, int off, int len)
      throws MalformedPayloadException {
    PayloadReader r = new PayloadReader(buf, off, len);
    Message m;
    try {
      m = readFields(type, r);
    } catch (IllegalArgumentException e) {
      // A record constructor refused a combination of individually well-formed fields.
      throw new MalformedPayloadException(type + ": " + e.getMessage());
    }
    r.end(type.name());
    return m;
  }

  private static Message readFields(MessageType type, PayloadReader r)
      throws MalformedPayloadException {
    return switch (type) {
      case HELLO -> new Hello(r.u8("protocol_version"), r.i32("schema_hash"), r.str8("host_id"));
      case DEVICE_INFO -> {
        int hash = r.i32("schema_hash");
        DeviceKindCode kind = kind(r);
        int count = r.u8("param_count");
        yield new DeviceInfo(r.str8("device_id"), r.str8("node_id"), kind, r.str8("model"),
            r.str8("firmware"), hash, count);
      }
      case PARAM_DESCRIPTOR -> {
        int index = r.u8("index");
        double min = r.f64("min");
        double max = r.f64("max");
        double step = r.f64("step");
        double rate = r.f64("max_rate");
        yield new ParamDescriptor(index, r.str8("name"), r.str8("unit"), min, max, step, rate);
      }
      case HEARTBEAT -> {
        long time = r.u63("time_us");
        long deadman = r.u32("deadman_ms");
        int at = r.offset();
        int code = r.u8("state");
        DeviceStateCode state = DeviceStateCode.fromCode(code);
        if (state == null) {
          throw new MalformedPayloadException(
              "field 'state' at payload offset " + at + " is " + code + ", not a state code");
        }
        yield new Heartbeat(time, state, deadman);
      }
      case COMMAND -> {
        long seq = r.u32("cmd_seq");
        long alloc = r.u63("allocation");
        long deadline = r.u63("deadline_us");
        yield new Command(seq, alloc, deadline, OperationCodec.read(r));
      }
      case COMMAND_ACK -> {
        long seq = r.u32("cmd_seq");
        int at = r.offset();
        int code = r.u8("result");
        AckCode result = AckCode.fromCode(code);
        if (result == null) {
          throw new MalformedPayloadException(
              "field 'result' at payload offset " + at + " is " + code + ", not a result code");
        }
        yield new CommandAck(seq, result, r.str8("detail"));
      }
      case CANCEL -> new Cancel(r.u32("cmd_seq"));
      case TELEMETRY -> {
        long time = r.u63("time_us");
        int n = r.u8("count");
        Reading[] readings = new Reading[n];
        for (int i = 0; i < n; i++) {
          readings[i] = new Reading(r.str8("readings[].name", i), r.f64("readings[].value", i));
        }
        // List.of hands the record an immutable list, so its defensive copy is free.
        yield new Telemetry(time, List.of(readings));
      }
      case HERALD -> {
        long time = r.u63("time_us");
        long alloc = r.u63("allocation");
        double fidelity = r.f64("fidelity");
        yield new Herald(time, alloc, r.str8("peer"), fidelity);
      }
      case SWAP_OUTCOME -> {
        long time = r.u63("time_us");
        long alloc = r.u63("allocation");
        boolean ok = r.bool("success");
        yield new SwapOutcome(time, alloc, r.str8("left"), r.str8("right"), ok);
      }
      case PAIR_DELIVERED -> {
        long time = r.u63("time_us");
        long alloc = r.u63("allocation");
        double fidelity = r.f64("fidelity");
        yield new PairDelivered(time, alloc, r.str8("a"), r.str8("b"), fidelity);
      }
      case TIME_SYNC -> {
        int at = r.offset();
        int phase = r.u8("phase");
        if (phase > 1) {
          throw new MalformedPayloadException("field 'phase' at payload offset " + at + " is "
              + phase + ", must be 0 (request) or 1 (response)");
        }
        yield new TimeSync(phase == 1, r.u63("t1_us"), r.u63("t2_us"), r.u63("t3_us"));
      }
      case FAULT -> {
        long id = r.u32("fault_id");
        long time = r.u63("time_us");
        boolean latched = r.bool("latched");
        yield new Fault(id, time, r.str8("code"), r.str8("message"), latched);
      }
      case FAULT_ACK -> new FaultAck(r.u32("fault_id"));
      case PROTOCOL_ERROR -> {
        int at = r.offset();
        int code = r.u8("reason");
        RejectReason reason = RejectReason.fromCode(code);
        if (reason == null) {
          throw new MalformedPayloadException(
              "field 'reason' at payload offset " + at + " is " + code + ", not a reject reason");
        }
        yield new ProtocolError(reason, r.u8("ref_msg_id"), r.u32("ref_seq"), r.str8("detail"));
      }
    };
  }

  private static DeviceKindCode kind(PayloadReader r) throws MalformedPayloadException {
    int at = r.offset();
    int code = r.u8("kind");
    DeviceKindCode kind = DeviceKindCode.fromCode(code);
    if (kind == null) {
      throw new MalformedPayloadException(
          "field 'kind' at payload offset " + at + " is " + code + ", not a device kind");
    }
    return kind;
  }
}
