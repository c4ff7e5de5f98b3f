package org.dpem.sim.firmware;

import java.util.Optional;
import org.dpem.hal.safety.Limits;
import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.DeviceStateCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.Operation;

/**
 * The checks firmware applies to a COMMAND before the device sees it, whatever the host did
 * (PROTOCOL.md 10): handshake, a SET_PARAM whose index and name disagree (9.5), deadline,
 * read-only, fault and safe state, and its own limits.
 * Stopping commands pass all of them.
 */
final class Admission {
  private Admission() {}

  /** A refusal: the ack code and its detail. */
  record Refusal(AckCode code, String detail) {}

  static Optional<Refusal> check(Message.Command c, long nowMicros, boolean greeted,
      boolean readOnly, DeviceStateCode state, Limits limits, String faultSummary) {
    if (c.operation().opcode().towardsRest()) {
      return Optional.empty();
    }
    if (!greeted) {
      return refuse(AckCode.INVALID, "no handshake");
    }
    if (c.operation() instanceof Operation.SetParam s) {
      Optional<String> mismatch = OperationMapping.parameterMismatch(s, limits);
      if (mismatch.isPresent()) {
        return refuse(AckCode.INVALID, mismatch.get());
      }
    }
    if (c.deadlineMicros() != 0 && nowMicros > c.deadlineMicros()) {
      return refuse(AckCode.EXPIRED, "deadline passed " + (nowMicros - c.deadlineMicros()) + " us ago");
    }
    if (readOnly) {
      return refuse(AckCode.READ_ONLY, "schema mismatch at handshake");
    }
    if (state == DeviceStateCode.FAULT) {
      return refuse(AckCode.FAULTED, "latched fault active: " + faultSummary);
    }
    if (state == DeviceStateCode.SAFE) {
      return refuse(AckCode.SAFE_STATE, "device is SAFE; clear-fault first");
    }
    return OperationMapping.limitViolation(c.operation(), limits)
        .map(v -> new Refusal(AckCode.OUT_OF_LIMITS, v));
  }

  private static Optional<Refusal> refuse(AckCode code, String detail) {
    return Optional.of(new Refusal(code, detail));
  }
}
