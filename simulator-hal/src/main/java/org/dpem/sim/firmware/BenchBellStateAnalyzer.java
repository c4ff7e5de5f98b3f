package org.dpem.sim.firmware;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dpem.hal.AllocationId;
import org.dpem.hal.BellStateAnalyzer;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.AnalyzerCommand;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.time.TimeBase;

/** A stand-alone analyzer: remembers which allocations it is armed for. */
public final class BenchBellStateAnalyzer extends BenchDevice implements BellStateAnalyzer {
  private final double efficiency;
  private final Map<AllocationId, NodeId> armed = new ConcurrentHashMap<>();

  public BenchBellStateAnalyzer(DeviceInfo info, TimeBase time, double efficiency) {
    super(info, time);
    this.efficiency = efficiency;
  }

  @Override
  public double efficiency() {
    return efficiency;
  }

  /** Allocations it is armed for. */
  public Map<AllocationId, NodeId> armed() {
    return Map.copyOf(armed);
  }

  @Override
  protected CommandResult act(DeviceCommand command) {
    if (command instanceof AnalyzerCommand.Arm a) {
      armed.put(a.allocation(), a.peer());
      return CommandResult.ok();
    }
    if (command instanceof AnalyzerCommand.Disarm d) {
      armed.remove(d.allocation());
      return CommandResult.ok();
    }
    return CommandResult.of(ResultCode.UNSUPPORTED, command.name() + " is not an analyzer command");
  }

  @Override
  protected void rest() {
    armed.clear();
  }
}
