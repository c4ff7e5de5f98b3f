package org.dpem.hal.safety;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.time.TimeBase;

/**
 * The last check before a command leaves the host: every value a command sets must lie within
 * the device's (possibly narrowed) limits, on their step, and change no faster than the
 * parameter's max rate of change since the last accepted setting. Commands that only take the
 * device towards rest always pass. One interlock guards one device; it is thread-safe.
 */
public final class SafetyInterlock {
  private record Accepted(double value, long atNanos) {}

  private final String deviceName;
  private final TimeBase time;
  private volatile Limits limits;
  private final Map<String, Accepted> lastAccepted = new HashMap<>();

  public SafetyInterlock(String deviceName, Limits limits, TimeBase time) {
    this.deviceName = deviceName;
    this.limits = limits;
    this.time = time;
  }

  /** The limits in force. */
  public Limits limits() {
    return limits;
  }

  /** Narrows the limits in force; they can never widen (see {@link Limits#narrowedBy}). */
  public void narrow(Limits configured) {
    limits = limits.narrowedBy(configured);
  }

  /**
   * Checks {@code command} and, if it passes, records its settings as the new reference for
   * rate-of-change checks.
   *
   * @return the first violation found, or empty if the command may be sent
   */
  public synchronized Optional<LimitViolation> admit(DeviceCommand command) {
    if (command.towardsRest()) {
      return Optional.empty();
    }
    long now = time.nowNanos();
    for (Map.Entry<String, Double> s : command.settings().entrySet()) {
      String p = s.getKey();
      double v = s.getValue();
      Optional<Limit> limit = limits.get(p);
      if (limit.isEmpty()) {
        return Optional.of(new LimitViolation(p, v, command.name() + " on " + deviceName
            + ": parameter '" + p + "' has no limit on this device, so it cannot be set"));
      }
      Optional<String> why = limit.get().violation(v);
      if (why.isPresent()) {
        return Optional.of(new LimitViolation(p, v,
            command.name() + " on " + deviceName + ": " + why.get()));
      }
      Accepted last = lastAccepted.get(p);
      double maxRate = limit.get().maxRatePerSecond();
      if (last != null && Double.isFinite(maxRate)) {
        double dt = Math.max(0, now - last.atNanos) / 1e9;
        double allowed = maxRate * dt;
        if (Math.abs(v - last.value) > allowed) {
          return Optional.of(new LimitViolation(p, v, command.name() + " on " + deviceName
              + ": " + p + " change from " + Limit.fmt(last.value) + " to " + Limit.fmt(v)
              + " in " + dt + " s exceeds max rate of change " + Limit.fmt(maxRate) + " "
              + limit.get().unit() + "/s"));
        }
      }
    }
    command.settings().forEach((p, v) -> lastAccepted.put(p, new Accepted(v, now)));
    return Optional.empty();
  }
}
