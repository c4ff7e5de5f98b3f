package org.dpem.hal.command;

import org.dpem.hal.AllocationId;

/**
 * Acknowledge a latched fault, or leave the safe state: the device returns to READY if nothing
 * still holds it (an uncleared cause keeps it in FAULT). Leaving SAFE always takes this explicit
 * step, so a device never resumes actuation by itself after an estop or a lost controller.
 */
public record ClearFault(long deadlineNanos) implements DeviceCommand {
  @Override
  public AllocationId allocation() {
    return AllocationId.NONE;
  }

  @Override
  public boolean towardsRest() {
    return true;
  }

  @Override
  public String name() {
    return "clear-fault";
  }
}
