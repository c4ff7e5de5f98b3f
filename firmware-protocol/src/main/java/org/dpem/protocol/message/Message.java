package org.dpem.protocol.message;

import java.util.List;
import org.dpem.protocol.RejectReason;

/**
 * One FWP/1 message. Every record checks its arguments, so any message that can be constructed
 * can be encoded; u32 fields are Java longs in 0..2^32-1, u64 ids and times are non-negative
 * longs, strings are at most 255 UTF-8 bytes. Times ({@code time_us}, deadlines) are microseconds
 * of the device's clock unless stated otherwise; the host converts with TIME_SYNC.
 */
public sealed interface Message {

  /** The message type (id and layout) this record is sent as. */
  MessageType type();

  /** HELLO, host to device: the host's protocol version, schema hash and a name for logs. */
  record Hello(int protocolVersion, int schemaHash, String hostId) implements Message {
    public Hello {
      Check.u8("protocol_version", protocolVersion);
      Check.str8("host_id", hostId);
    }

    @Override
    public MessageType type() {
      return MessageType.HELLO;
    }
  }

  /** DEVICE_INFO, device to host: identity, kind and how many PARAM_DESCRIPTORs it has. */
  record DeviceInfo(String deviceId, String nodeId, DeviceKindCode kind, String model,
      String firmware, int schemaHash, int paramCount) implements Message {
    public DeviceInfo {
      Check.str8("device_id", deviceId);
      Check.str8("node_id", nodeId);
      Check.notNull("kind", kind);
      Check.str8("model", model);
      Check.str8("firmware", firmware);
      Check.u8("param_count", paramCount);
    }

    @Override
    public MessageType type() {
      return MessageType.DEVICE_INFO;
    }
  }

  /**
   * PARAM_DESCRIPTOR, device to host: the device's own limits for one parameter. {@code step} 0
   * means any value; {@code maxRatePerSecond} +infinity means no rate-of-change limit.
   */
  record ParamDescriptor(int index, String name, String unit, double min, double max, double step,
      double maxRatePerSecond) implements Message {
    public ParamDescriptor {
      Check.u8("index", index);
      if (index == Operation.SetParam.BY_NAME) {
        throw new IllegalArgumentException("index 255 is reserved for SET_PARAM by name");
      }
      Check.str8("name", name);
      Check.str8("unit", unit);
    }

    @Override
    public MessageType type() {
      return MessageType.PARAM_DESCRIPTOR;
    }
  }

  /**
   * HEARTBEAT, both ways. {@code timeMicros} is the sender's clock; {@code deadmanMillis} is, in a
   * host heartbeat, the silence after which the device must go SAFE (0 in device heartbeats).
   */
  record Heartbeat(long timeMicros, DeviceStateCode state, long deadmanMillis) implements Message {
    public Heartbeat {
      Check.u63("time_us", timeMicros);
      Check.notNull("state", state);
      Check.u32("deadman_ms", deadmanMillis);
    }

    @Override
    public MessageType type() {
      return MessageType.HEARTBEAT;
    }
  }

  /**
   * COMMAND, host to device. {@code cmdSeq} is the idempotency key (a retry re-sends it);
   * {@code allocation} 0 means none; {@code deadlineMicros} is device time after which the
   * device must refuse with EXPIRED (0: no deadline).
   */
  record Command(long cmdSeq, long allocation, long deadlineMicros, Operation operation)
      implements Message {
    public Command {
      Check.u32("cmd_seq", cmdSeq);
      Check.u63("allocation", allocation);
      Check.u63("deadline_us", deadlineMicros);
      Check.notNull("operation", operation);
    }

    @Override
    public MessageType type() {
      return MessageType.COMMAND;
    }
  }

  /** COMMAND_ACK, device to host: how command {@code cmdSeq} ended, with a detail text. */
  record CommandAck(long cmdSeq, AckCode result, String detail) implements Message {
    public CommandAck {
      Check.u32("cmd_seq", cmdSeq);
      Check.notNull("result", result);
      Check.str8("detail", detail);
    }

    @Override
    public MessageType type() {
      return MessageType.COMMAND_ACK;
    }
  }

  /** CANCEL, host to device: drop command {@code cmdSeq} if it has not taken effect. */
  record Cancel(long cmdSeq) implements Message {
    public Cancel {
      Check.u32("cmd_seq", cmdSeq);
    }

    @Override
    public MessageType type() {
      return MessageType.CANCEL;
    }
  }

  /** One named reading of a TELEMETRY message. */
  record Reading(String name, double value) {
    public Reading {
      Check.str8("name", name);
    }
  }

  /** TELEMETRY, device to host: readings taken at {@code timeMicros}, at most 255, in order. */
  record Telemetry(long timeMicros, List<Reading> readings) implements Message {
    public Telemetry {
      Check.u63("time_us", timeMicros);
      readings = List.copyOf(Check.notNull("readings", readings));
      if (readings.size() > 255) {
        throw new IllegalArgumentException("readings: at most 255, got " + readings.size());
      }
    }

    @Override
    public MessageType type() {
      return MessageType.TELEMETRY;
    }
  }

  /** HERALD, device to host: half of a pair with {@code peer} is stored for {@code allocation}. */
  record Herald(long timeMicros, long allocation, String peer, double fidelity) implements Message {
    public Herald {
      Check.u63("time_us", timeMicros);
      Check.u63("allocation", allocation);
      Check.str8("peer", peer);
    }

    @Override
    public MessageType type() {
      return MessageType.HERALD;
    }
  }

  /** SWAP_OUTCOME, device to host: a swap joining pairs to {@code left} and {@code right} ended. */
  record SwapOutcome(long timeMicros, long allocation, String left, String right, boolean success)
      implements Message {
    public SwapOutcome {
      Check.u63("time_us", timeMicros);
      Check.u63("allocation", allocation);
      Check.str8("left", left);
      Check.str8("right", right);
    }

    @Override
    public MessageType type() {
      return MessageType.SWAP_OUTCOME;
    }
  }

  /** PAIR_DELIVERED, device to host: an end-to-end pair between {@code a} and {@code b} is ready. */
  record PairDelivered(long timeMicros, long allocation, String a, String b, double fidelity)
      implements Message {
    public PairDelivered {
      Check.u63("time_us", timeMicros);
      Check.u63("allocation", allocation);
      Check.str8("a", a);
      Check.str8("b", b);
    }

    @Override
    public MessageType type() {
      return MessageType.PAIR_DELIVERED;
    }
  }

  /**
   * TIME_SYNC, NTP style. The requester sends {@code REQUEST} with t1 = its transmit time (t2 = t3
   * = 0); the responder copies t1 and fills t2 (its receive time) and t3 (its transmit time). The
   * requester notes t4 on receipt; see {@link #offsetMicros(long)}.
   */
  record TimeSync(boolean response, long t1Micros, long t2Micros, long t3Micros)
      implements Message {
    public TimeSync {
      Check.u63("t1_us", t1Micros);
      Check.u63("t2_us", t2Micros);
      Check.u63("t3_us", t3Micros);
    }

    /** A request sent at {@code t1Micros} of the requester's clock. */
    public static TimeSync request(long t1Micros) {
      return new TimeSync(false, t1Micros, 0, 0);
    }

    /** The responder's clock minus the requester's, given the receive time {@code t4Micros}. */
    public long offsetMicros(long t4Micros) {
      return ((t2Micros - t1Micros) + (t3Micros - t4Micros)) / 2;
    }

    /** The network round trip, excluding the responder's processing time. */
    public long roundTripMicros(long t4Micros) {
      return (t4Micros - t1Micros) - (t3Micros - t2Micros);
    }

    @Override
    public MessageType type() {
      return MessageType.TIME_SYNC;
    }
  }

  /**
   * FAULT, device to host. A latched fault stays active until CLEAR_FAULT and is re-sent with the
   * same {@code faultId} until a FAULT_ACK for it arrives.
   */
  record Fault(long faultId, long timeMicros, String code, String message, boolean latched)
      implements Message {
    public Fault {
      Check.u32("fault_id", faultId);
      Check.u63("time_us", timeMicros);
      Check.str8("code", code);
      Check.str8("message", message);
    }

    @Override
    public MessageType type() {
      return MessageType.FAULT;
    }
  }

  /** FAULT_ACK, host to device: FAULT {@code faultId} arrived (it does not clear it). */
  record FaultAck(long faultId) implements Message {
    public FaultAck {
      Check.u32("fault_id", faultId);
    }

    @Override
    public MessageType type() {
      return MessageType.FAULT_ACK;
    }
  }

  /**
   * PROTOCOL_ERROR, both ways: the packet with {@code refMsgId} / {@code refSeq} (0 when the
   * header was unreadable) was dropped for {@code reason}.
   */
  record ProtocolError(RejectReason reason, int refMsgId, long refSeq, String detail)
      implements Message {
    public ProtocolError {
      Check.notNull("reason", reason);
      Check.u8("ref_msg_id", refMsgId);
      Check.u32("ref_seq", refSeq);
      Check.str8("detail", detail);
    }

    @Override
    public MessageType type() {
      return MessageType.PROTOCOL_ERROR;
    }
  }
}
