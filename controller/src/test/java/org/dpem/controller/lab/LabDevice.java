package org.dpem.controller.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.dpem.hal.AbstractDevice;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.safety.Limits;

/** A small in-test device: records every command it is sent and lets the lab act on them. */
class LabDevice extends AbstractDevice {
  final Lab lab;
  final List<DeviceCommand> received = new ArrayList<>();

  LabDevice(Lab lab, NodeId node, DeviceKind kind, Limits limits) {
    super(new DeviceInfo(DeviceId.of(node.value() + "." + kind.wireName()), node, kind, "lab", "1",
        limits), lab.time, DeviceState.READY);
    this.lab = lab;
  }

  @Override
  protected CompletionStage<CommandResult> dispatch(DeviceCommand command) {
    received.add(command);
    if (lab.refuse(this, command)) {
      return done(org.dpem.hal.command.ResultCode.BUSY, command.name() + " refused by the lab");
    }
    if (command instanceof org.dpem.hal.command.GoSafe) {
      long lag = lab.safeLagNanos;
      if (lag == 0) {
        setState(DeviceState.SAFE, "safe commanded");
      } else if (lag != Long.MAX_VALUE) {
        lab.time.schedule(lag, () -> setState(DeviceState.SAFE, "safe commanded"));
      }
    } else if (command instanceof org.dpem.hal.command.ClearFault) {
      setState(DeviceState.READY, "cleared");
    }
    lab.onCommand(this, command);
    return done(org.dpem.hal.command.ResultCode.OK, "");
  }

  /** Moves the device to {@code s}, as a failing link or a fault would. */
  void become(DeviceState s, String why) {
    setState(s, why);
  }

  void send(DeviceEvent e) {
    emit(e);
  }
}
