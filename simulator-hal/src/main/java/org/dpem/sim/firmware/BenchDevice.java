package org.dpem.sim.firmware;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.dpem.hal.AbstractDevice;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.DeviceState;
import org.dpem.hal.command.ClearFault;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.GoSafe;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.time.TimeBase;

/**
 * A stand-alone device on the wall clock for virtual firmware to serve when no simulated network
 * runs behind it (the {@code sim-device} lab command, driver tests): it keeps the settings it was
 * given and answers at once. It has no physics; the simulated network's devices do.
 */
public abstract class BenchDevice extends AbstractDevice {
  /** Values set with {@code set PARAM VALUE}, by parameter. */
  protected final Map<String, Double> parameters = new ConcurrentHashMap<>();

  protected BenchDevice(DeviceInfo info, TimeBase time) {
    super(info, time, DeviceState.READY);
  }

  @Override
  protected final CompletionStage<CommandResult> dispatch(DeviceCommand command) {
    CommandResult r;
    if (command instanceof GoSafe) {
      rest();
      setState(DeviceState.SAFE, "safe requested");
      r = CommandResult.ok();
    } else if (command instanceof ClearFault) {
      setState(DeviceState.READY, "");
      r = CommandResult.ok();
    } else if (command instanceof SetParameter s) {
      parameters.put(s.parameter(), s.value());
      r = CommandResult.ok();
    } else {
      r = act(command);
    }
    seen();
    return CompletableFuture.completedFuture(r);
  }

  /** Carries out a capability command. */
  protected abstract CommandResult act(DeviceCommand command);

  /** Outputs off, everything released. */
  protected abstract void rest();

  /** The value last set for {@code parameter}, if any. */
  public Double parameter(String parameter) {
    return parameters.get(parameter);
  }
}
