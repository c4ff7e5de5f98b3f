package org.dpem.sim.network;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dpem.hal.AbstractDevice;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.DeviceState;
import org.dpem.hal.command.ClearFault;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.GoSafe;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.event.DeviceEvent;

/**
 * What the three simulated devices share: acknowledgement timing (instant, or late for a slow
 * device, with TIMEOUT when the ack would miss the deadline), the safe and clear-fault
 * commands, and the hooks fault injection uses. Commands take effect when acknowledged.
 */
public abstract sealed class SimDevice extends AbstractDevice
    permits SimPairSource, SimQuantumMemory, SimBellStateAnalyzer {
  final SimNetwork net;
  private long ackDelayNanos;

  SimDevice(DeviceInfo info, SimNetwork net) {
    super(info, net.engine().timeBase(), DeviceState.READY);
    this.net = net;
  }

  @Override
  protected final CompletionStage<CommandResult> dispatch(DeviceCommand command) {
    long delay = ackDelayNanos + net.options().commandLatencyNanos();
    if (delay <= 0) {
      return CompletableFuture.completedFuture(executeNow(command));
    }
    CompletableFuture<CommandResult> f = new CompletableFuture<>();
    long now = net.engine().now();
    if (now + delay > command.deadlineNanos()) {
      // the device would act after the deadline, so it must not act at all; the host gives up
      // at the deadline
      net.engine().scheduleAt(Math.max(now, command.deadlineNanos()), x -> f.complete(CommandResult.of(
          ResultCode.TIMEOUT, command.name() + " on " + id() + ": no acknowledgement before the deadline ("
              + (delay / 1e6) + " ms ack delay)")), 0);
      return f;
    }
    net.engine().schedule(delay, x -> f.complete(executeNow(command)), 0);
    return f;
  }

  private CommandResult executeNow(DeviceCommand command) {
    DeviceState s = state();
    if (s == DeviceState.LOST || s == DeviceState.CONNECTING) {
      return CommandResult.of(ResultCode.UNREACHABLE, command.name() + " on " + id() + ": device is " + s);
    }
    if (!command.towardsRest() && !s.acceptsCommands()) {
      return CommandResult.of(s == DeviceState.FAULT ? ResultCode.FAULTED : ResultCode.SAFE_STATE,
          command.name() + " on " + id() + ": device is " + s);
    }
    seen();
    if (command instanceof GoSafe) {
      clearAll();
      setState(DeviceState.SAFE, "safe commanded");
      net.configChanged();
      return CommandResult.ok();
    }
    if (command instanceof ClearFault) {
      if (s == DeviceState.FAULT || s == DeviceState.SAFE) {
        setState(ackDelayNanos > 0 ? DeviceState.DEGRADED : DeviceState.READY, "cleared");
      }
      net.configChanged();
      return CommandResult.ok();
    }
    CommandResult r = execute(command);
    net.configChanged();
    return r;
  }

  /** Carries out an admitted command that is not safe or clear-fault. */
  abstract CommandResult execute(DeviceCommand command);

  /** Drops everything this device does or holds for any allocation. */
  abstract void clearAll();

  /** Periodic readings for telemetry. */
  abstract java.util.Map<String, Double> readings();

  boolean usable() {
    return state().acceptsCommands();
  }

  void fault(String code, String message) {
    clearAll();
    emit(new DeviceEvent.Fault(net.engine().now(), id(), code, message, true));
    setState(DeviceState.FAULT, code + ": " + message);
    net.configChanged();
  }

  void lose(String reason) {
    clearAll();
    setState(DeviceState.LOST, reason);
    net.configChanged();
  }

  void restore() {
    if (state() == DeviceState.LOST) {
      setState(DeviceState.CONNECTING, "reconnecting");
      setState(ackDelayNanos > 0 ? DeviceState.DEGRADED : DeviceState.READY, "reconnected");
      net.configChanged();
    }
  }

  void slow(long delayNanos) {
    ackDelayNanos = Math.max(0, delayNanos);
    DeviceState s = state();
    if (delayNanos > 0 && s == DeviceState.READY) {
      setState(DeviceState.DEGRADED, "slow: acknowledgements take " + delayNanos / 1e6 + " ms");
    } else if (delayNanos <= 0 && s == DeviceState.DEGRADED) {
      setState(DeviceState.READY, "no longer slow");
    }
  }

  void notice(String code, String message) {
    if (hasListeners()) {
      emit(new DeviceEvent.Fault(net.engine().now(), id(), code, message, false));
    }
  }

  void publish(DeviceEvent e) {
    emit(e);
  }

  boolean listened() {
    return hasListeners();
  }

  static CommandResult invalid(DeviceCommand c, SimDevice d, String why) {
    return CommandResult.of(ResultCode.INVALID, c.name() + " on " + d.id() + ": " + why);
  }

  static CommandResult busy(DeviceCommand c, SimDevice d, String why) {
    return CommandResult.of(ResultCode.BUSY, c.name() + " on " + d.id() + ": " + why);
  }

  static CommandResult unsupported(DeviceCommand c, SimDevice d) {
    return CommandResult.of(ResultCode.UNSUPPORTED, c.name() + " is not supported by " + d.id());
  }
}
