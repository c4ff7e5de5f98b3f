package org.dpem.hal.command;

import org.dpem.hal.AllocationId;

/** Put the device in its safe state: outputs off, memories released, analyzers disarmed. */
public record GoSafe(long deadlineNanos) implements DeviceCommand {
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
    return "safe";
  }
}
