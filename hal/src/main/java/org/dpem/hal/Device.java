package org.dpem.hal;

import java.util.concurrent.CompletionStage;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.GoSafe;
import org.dpem.hal.command.ClearFault;
import org.dpem.hal.event.EventSource;
import org.dpem.hal.safety.Limits;

/**
 * One piece of equipment, whichever way it is reached (in-process simulation, serial, MQTT).
 * Capability interfaces ({@link PairSource}, {@link QuantumMemory}, {@link BellStateAnalyzer})
 * extend this one; find them with {@link TrustedNode#devices(Class)}.
 *
 * <p>All commands go through {@link #submit}, which never throws for a refused command: the
 * returned stage completes with a {@link CommandResult} whose code says why (for example
 * {@code OUT_OF_LIMITS}, naming the limit). Implementations extend {@link AbstractDevice}, which
 * puts the safety interlock in front of every command.
 */
public interface Device extends EventSource {
  DeviceId id();

  NodeId node();

  DeviceKind kind();

  /** Identity, firmware and the device's own limits, as reported at handshake. */
  DeviceInfo info();

  /** The limits in force: the device's own, narrowed by configuration. */
  Limits limits();

  DeviceState state();

  Health health();

  /**
   * Sends a command. The stage completes when the device acknowledges (or the host gives up);
   * it completes exceptionally only on a programming error, never for a refusal.
   */
  CompletionStage<CommandResult> submit(DeviceCommand command);

  /** Puts the device in its safe state; never refused by limits. */
  default CompletionStage<CommandResult> safe(long deadlineNanos) {
    return submit(new GoSafe(deadlineNanos));
  }

  /** Acknowledges and clears a latched fault. */
  default CompletionStage<CommandResult> clearFault(long deadlineNanos) {
    return submit(new ClearFault(deadlineNanos));
  }
}
