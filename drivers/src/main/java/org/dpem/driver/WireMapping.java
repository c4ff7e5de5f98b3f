package org.dpem.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.AnalyzerCommand;
import org.dpem.hal.command.ClearFault;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.GoSafe;
import org.dpem.hal.command.MemoryCommand;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.command.SourceCommand;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.Limits;
import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.DeviceKindCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.Operation;

/** Translations between the hardware abstraction's values and FWP/1 messages, host side. */
public final class WireMapping {
  private WireMapping() {}

  /** The operation a host command becomes on the wire. */
  public static Operation operation(DeviceCommand c) {
    if (c instanceof SourceCommand.Enable e) {
      return new Operation.EnableSource(e.peer().value(), e.ratePairsPerSecond());
    } else if (c instanceof SourceCommand.Disable) {
      return new Operation.DisableSource();
    } else if (c instanceof MemoryCommand.Reserve r) {
      return new Operation.ReserveSlots(r.slots(), r.peers().stream().map(NodeId::value).toList());
    } else if (c instanceof MemoryCommand.Release) {
      return new Operation.ReleaseSlots();
    } else if (c instanceof MemoryCommand.Swap s) {
      return new Operation.Swap(s.left().value(), s.right().value());
    } else if (c instanceof MemoryCommand.Stock s) {
      return new Operation.StockSlots(s.slots(), s.peer().value());
    } else if (c instanceof MemoryCommand.HandOver h) {
      return new Operation.HandOver(h.from().value(), h.peer().value(), h.pairs(), h.minFidelity());
    } else if (c instanceof AnalyzerCommand.Arm a) {
      return new Operation.ArmAnalyzer(a.peer().value(), a.windowSeconds());
    } else if (c instanceof AnalyzerCommand.Disarm) {
      return new Operation.DisarmAnalyzer();
    } else if (c instanceof SetParameter s) {
      return Operation.SetParam.byName(s.parameter(), s.value());
    } else if (c instanceof GoSafe) {
      return new Operation.GoSafe();
    } else if (c instanceof ClearFault) {
      return new Operation.ClearFault();
    }
    throw new IllegalArgumentException("no wire form for " + c.name());
  }

  /** A device's answer as a host result. */
  public static CommandResult result(Message.CommandAck ack, String what) {
    ResultCode code = switch (ack.result()) {
      case OK -> ResultCode.OK;
      case OUT_OF_LIMITS -> ResultCode.OUT_OF_LIMITS;
      case EXPIRED -> ResultCode.EXPIRED;
      case BUSY -> ResultCode.BUSY;
      case INVALID, CANCELLED, INTERNAL_ERROR -> ResultCode.INVALID;
      case UNSUPPORTED -> ResultCode.UNSUPPORTED;
      case READ_ONLY -> ResultCode.READ_ONLY;
      case FAULTED -> ResultCode.FAULTED;
      case SAFE_STATE -> ResultCode.SAFE_STATE;
      case UNAUTHORIZED -> ResultCode.UNAUTHORIZED;
      case DUPLICATE_IN_PROGRESS -> ResultCode.TIMEOUT;
    };
    if (code == ResultCode.OK) {
      // an OK detail carries a result, e.g. a hand-over's "moved N"
      return ack.detail().isEmpty() ? CommandResult.ok() : CommandResult.of(ResultCode.OK, ack.detail());
    }
    String detail = ack.detail().isEmpty() ? "" : ": " + ack.detail();
    String extra = ack.result() == AckCode.CANCELLED || ack.result() == AckCode.INTERNAL_ERROR
        ? " (" + ack.result() + ")" : "";
    return CommandResult.of(code, what + " refused by the device" + extra + detail);
  }

  public static DeviceKind kind(DeviceKindCode k) {
    return switch (k) {
      case SOURCE -> DeviceKind.SOURCE;
      case MEMORY -> DeviceKind.MEMORY;
      case ANALYZER -> DeviceKind.ANALYZER;
    };
  }

  public static DeviceKindCode kindCode(DeviceKind k) {
    return switch (k) {
      case SOURCE -> DeviceKindCode.SOURCE;
      case MEMORY -> DeviceKindCode.MEMORY;
      case ANALYZER -> DeviceKindCode.ANALYZER;
    };
  }

  /** The limits a device published in its PARAM_DESCRIPTORs. */
  public static Limits limits(List<Message.ParamDescriptor> params) {
    Map<String, Limit> m = new LinkedHashMap<>();
    for (Message.ParamDescriptor p : params) {
      double rate = p.maxRatePerSecond() > 0 ? p.maxRatePerSecond() : Double.POSITIVE_INFINITY;
      m.put(p.name(), new Limit(p.name(), p.min(), p.max(), p.step(), rate, p.unit()));
    }
    return new Limits(m);
  }

  /** The descriptors that publish {@code limits}, indexed in order. */
  public static List<Message.ParamDescriptor> descriptors(Limits limits) {
    List<Message.ParamDescriptor> out = new ArrayList<>();
    int i = 0;
    for (Limit l : limits.byParameter().values()) {
      out.add(new Message.ParamDescriptor(i++, l.parameter(), l.unit(), l.min(), l.max(), l.step(),
          l.maxRatePerSecond()));
    }
    return out;
  }

  /** A device report as a hal event, or null for messages that are not events. */
  public static DeviceEvent event(DeviceId device, Message m, long hostNanos) {
    switch (m.type()) {
      case TELEMETRY -> {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Message.Reading r : ((Message.Telemetry) m).readings()) {
          values.put(r.name(), r.value());
        }
        return new DeviceEvent.Telemetry(hostNanos, device, values);
      }
      case HERALD -> {
        Message.Herald h = (Message.Herald) m;
        return new DeviceEvent.Herald(hostNanos, device, AllocationId.of(h.allocation()),
            NodeId.of(h.peer()), h.fidelity());
      }
      case SWAP_OUTCOME -> {
        Message.SwapOutcome s = (Message.SwapOutcome) m;
        return new DeviceEvent.SwapOutcome(hostNanos, device, AllocationId.of(s.allocation()),
            NodeId.of(s.left()), NodeId.of(s.right()), s.success());
      }
      case PAIR_DELIVERED -> {
        Message.PairDelivered p = (Message.PairDelivered) m;
        return new DeviceEvent.PairDelivered(hostNanos, device, AllocationId.of(p.allocation()),
            NodeId.of(p.a()), NodeId.of(p.b()), p.fidelity());
      }
      case FAULT -> {
        Message.Fault f = (Message.Fault) m;
        return new DeviceEvent.Fault(hostNanos, device, f.code(), f.message(), f.latched());
      }
      default -> {
        return null;
      }
    }
  }
}
