package org.dpem.sim.firmware;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;
import org.dpem.hal.command.AnalyzerCommand;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.MemoryCommand;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.command.SourceCommand;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.Limits;
import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.Operation;

/**
 * Firmware-side translation of COMMAND operations into commands for the wrapped device, and the
 * firmware's own limit check, done before anything reaches the device: a host that skips its
 * interlock (or a raw packet) must still be refused.
 */
final class OperationMapping {
  private OperationMapping() {}

  /** The parameter values an operation sets. */
  static Map<String, Double> settings(Operation op, Limits limits) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (op instanceof Operation.EnableSource e) {
      m.put(Parameters.RATE, e.rate());
    } else if (op instanceof Operation.ReserveSlots r) {
      m.put(Parameters.SLOTS, (double) r.count());
    } else if (op instanceof Operation.StockSlots st) {
      m.put(Parameters.SLOTS, (double) st.count());
    } else if (op instanceof Operation.HandOver h) {
      m.put(Parameters.SLOTS, (double) h.pairs());
    } else if (op instanceof Operation.ArmAnalyzer a) {
      m.put(Parameters.WINDOW, a.windowSeconds());
    } else if (op instanceof Operation.SetParam s) {
      m.put(paramName(s, limits), s.value());
    }
    return m;
  }

  /** The name a SET_PARAM addresses ("#INDEX" if the index is unknown). */
  static String paramName(Operation.SetParam s, Limits limits) {
    if (s.index() == Operation.SetParam.BY_NAME) {
      return s.name();
    }
    List<String> names = List.copyOf(limits.byParameter().keySet());
    return s.index() < names.size() ? names.get(s.index()) : "#" + s.index();
  }

  /**
   * Why a SET_PARAM's index and name disagree (PROTOCOL.md 9.5: if both are given they must name
   * the same parameter), or empty; an index the device has no parameter for also disagrees.
   */
  static Optional<String> parameterMismatch(Operation.SetParam s, Limits limits) {
    if (s.index() == Operation.SetParam.BY_NAME || s.name().isEmpty()) {
      return Optional.empty();
    }
    String byIndex = paramName(s, limits);
    if (byIndex.equals(s.name())) {
      return Optional.empty();
    }
    return Optional.of("SET_PARAM index " + s.index() + (byIndex.startsWith("#")
        ? " names no parameter" : " is '" + byIndex + "'") + " but name is '" + s.name() + "'");
  }

  /** Why the operation breaks the device's own limits, or empty. */
  static Optional<String> limitViolation(Operation op, Limits limits) {
    for (Map.Entry<String, Double> e : settings(op, limits).entrySet()) {
      Optional<Limit> l = limits.get(e.getKey());
      if (l.isEmpty()) {
        return Optional.of("parameter '" + e.getKey() + "' has no limit on this device, so it"
            + " cannot be set");
      }
      Optional<String> why = l.get().violation(e.getValue());
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  /**
   * The wrapped device's command for {@code op}; empty for operations the firmware handles itself.
   *
   * @throws IllegalArgumentException if the arguments make no command (e.g. a hand-over of 0 pairs)
   */
  static Optional<DeviceCommand> command(Operation op, long allocation, Limits limits) {
    AllocationId a = AllocationId.of(allocation);
    long never = Long.MAX_VALUE;
    if (op instanceof Operation.EnableSource e) {
      return Optional.of(new SourceCommand.Enable(a, never, NodeId.of(e.peer()), e.rate()));
    } else if (op instanceof Operation.DisableSource) {
      return Optional.of(new SourceCommand.Disable(a, never));
    } else if (op instanceof Operation.ReserveSlots r) {
      return Optional.of(new MemoryCommand.Reserve(a, never, r.count(),
          r.peers().stream().map(NodeId::of).toList()));
    } else if (op instanceof Operation.ReleaseSlots) {
      return Optional.of(new MemoryCommand.Release(a, never));
    } else if (op instanceof Operation.Swap s) {
      return Optional.of(new MemoryCommand.Swap(a, never, NodeId.of(s.left()), NodeId.of(s.right())));
    } else if (op instanceof Operation.StockSlots st) {
      return Optional.of(new MemoryCommand.Stock(a, never, st.count(), NodeId.of(st.peer())));
    } else if (op instanceof Operation.HandOver h) {
      return Optional.of(new MemoryCommand.HandOver(a, never, AllocationId.of(h.from()),
          NodeId.of(h.peer()), h.pairs(), h.minFidelity()));
    } else if (op instanceof Operation.ArmAnalyzer arm) {
      return Optional.of(new AnalyzerCommand.Arm(a, never, NodeId.of(arm.peer()), arm.windowSeconds()));
    } else if (op instanceof Operation.DisarmAnalyzer) {
      return Optional.of(new AnalyzerCommand.Disarm(a, never));
    } else if (op instanceof Operation.SetParam s) {
      return Optional.of(new SetParameter(a, never, paramName(s, limits), s.value()));
    }
    return Optional.empty();
  }

  static AckCode ack(ResultCode c) {
    return switch (c) {
      case OK -> AckCode.OK;
      case OUT_OF_LIMITS -> AckCode.OUT_OF_LIMITS;
      case EXPIRED, TIMEOUT -> AckCode.EXPIRED;
      case BUSY -> AckCode.BUSY;
      case INVALID -> AckCode.INVALID;
      case UNSUPPORTED -> AckCode.UNSUPPORTED;
      case READ_ONLY -> AckCode.READ_ONLY;
      case FAULTED -> AckCode.FAULTED;
      case SAFE_STATE -> AckCode.SAFE_STATE;
      case UNAUTHORIZED -> AckCode.UNAUTHORIZED;
      case UNREACHABLE -> AckCode.INTERNAL_ERROR;
    };
  }
}
