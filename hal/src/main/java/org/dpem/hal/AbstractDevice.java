package org.dpem.hal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.event.EventFanout;
import org.dpem.hal.safety.LimitViolation;
import org.dpem.hal.safety.Limits;
import org.dpem.hal.safety.SafetyInterlock;
import org.dpem.hal.time.TimeBase;

/**
 * The base of every device implementation. {@link #submit} is final so that no implementation
 * can skip the checks every command must pass before it leaves the host, in this order:
 *
 * <ol>
 *   <li>the deadline has not passed (else {@code EXPIRED});
 *   <li>the device state allows it (commands towards rest are always allowed);
 *   <li>the {@link SafetyInterlock} admits every value it sets (else {@code OUT_OF_LIMITS}, naming
 *       the limit).
 * </ol>
 *
 * Only then is {@link #dispatch} called. Subclasses report state changes with {@link #setState}
 * and events with {@link #emit}.
 */
public abstract class AbstractDevice implements Device {
  private final DeviceInfo info;
  protected final TimeBase time;
  private final SafetyInterlock interlock;
  private final EventFanout events = new EventFanout();
  private volatile DeviceState state;
  private volatile String stateReason = "";
  private volatile long lastSeenNanos;

  protected AbstractDevice(DeviceInfo info, TimeBase time, DeviceState initial) {
    this.info = Objects.requireNonNull(info, "info");
    this.time = Objects.requireNonNull(time, "time");
    this.interlock = new SafetyInterlock(info.id().value(), info.limits(), time);
    this.state = initial;
    this.lastSeenNanos = time.nowNanos();
  }

  /**
   * Narrows this device's limits by configured ones.
   *
   * @throws org.dpem.hal.safety.LimitWideningException if configuration would widen a limit
   */
  public final void narrowLimits(Limits configured) {
    interlock.narrow(configured);
  }

  @Override
  public final CompletionStage<CommandResult> submit(DeviceCommand command) {
    Objects.requireNonNull(command, "command");
    long now = time.nowNanos();
    if (now > command.deadlineNanos()) {
      return done(ResultCode.EXPIRED, command.name() + " on " + id() + ": deadline passed "
          + (now - command.deadlineNanos()) / 1_000_000.0 + " ms before it could be sent");
    }
    if (!command.towardsRest()) {
      Optional<CommandResult> refused = refusedInState(command, state);
      if (refused.isPresent()) {
        return CompletableFuture.completedFuture(refused.get());
      }
      Optional<LimitViolation> violation = interlock.admit(command);
      if (violation.isPresent()) {
        return done(ResultCode.OUT_OF_LIMITS, violation.get().message());
      }
    }
    return dispatch(command);
  }

  private Optional<CommandResult> refusedInState(DeviceCommand command, DeviceState s) {
    String what = command.name() + " on " + id() + ": device is " + s;
    switch (s) {
      case READY, DEGRADED:
        return Optional.empty();
      case FAULT:
        return Optional.of(CommandResult.of(ResultCode.FAULTED, what + " (clear the fault first)"));
      case SAFE:
        return Optional.of(CommandResult.of(ResultCode.SAFE_STATE, what + " (clear-fault to resume)"));
      default:
        return Optional.of(CommandResult.of(ResultCode.UNREACHABLE,
            what + (stateReason.isEmpty() ? "" : " (" + stateReason + ")")));
    }
  }

  /** Sends an admitted command to the device; the stage completes with the device's answer. */
  protected abstract CompletionStage<CommandResult> dispatch(DeviceCommand command);

  /** Changes the lifecycle state and tells listeners; a no-op if the state is unchanged. */
  protected final void setState(DeviceState to, String reason) {
    DeviceState from;
    synchronized (this) {
      from = state;
      if (from == to) {
        return;
      }
      state = to;
      stateReason = reason == null ? "" : reason;
    }
    emit(new DeviceEvent.StateChanged(time.nowNanos(), id(), from, to, stateReason));
  }

  /** Records that the device was heard from now. */
  protected final void seen() {
    lastSeenNanos = time.nowNanos();
  }

  /** Delivers an event to this device's listeners. */
  protected final void emit(DeviceEvent event) {
    events.onEvent(event);
  }

  /** Whether anyone listens, so hot simulation paths can skip building unread events. */
  protected final boolean hasListeners() {
    return events.hasListeners();
  }

  /** The circuit-breaker state for {@link #health()}; {@code NONE} unless a driver has one. */
  protected String breakerState() {
    return "NONE";
  }

  protected static CompletionStage<CommandResult> done(ResultCode code, String detail) {
    return CompletableFuture.completedFuture(CommandResult.of(code, detail));
  }

  @Override
  public final Subscription subscribe(org.dpem.hal.event.DeviceEventListener listener) {
    return events.subscribe(listener);
  }

  @Override
  public final DeviceInfo info() {
    return info;
  }

  @Override
  public final DeviceId id() {
    return info.id();
  }

  @Override
  public final NodeId node() {
    return info.node();
  }

  @Override
  public final DeviceKind kind() {
    return info.kind();
  }

  @Override
  public final Limits limits() {
    return interlock.limits();
  }

  @Override
  public final DeviceState state() {
    return state;
  }

  @Override
  public Health health() {
    return new Health(state, breakerState(), lastSeenNanos, stateReason);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id() + "@" + node() + ", " + state + "]";
  }
}
