package org.dpem.sim.firmware;

import org.dpem.hal.DeviceInfo;
import org.dpem.hal.NodeId;
import org.dpem.hal.PairSource;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.command.SourceCommand;
import org.dpem.hal.time.TimeBase;

/** A stand-alone pair source: emits at the rate it was last enabled with. */
public final class BenchPairSource extends BenchDevice implements PairSource {
  private final double fidelity;
  private volatile SourceReading reading;

  public BenchPairSource(DeviceInfo info, TimeBase time, double fidelity) {
    super(info, time);
    this.fidelity = fidelity;
    this.reading = new SourceReading(false, null, 0, fidelity);
  }

  @Override
  public SourceReading reading() {
    return reading;
  }

  @Override
  protected CommandResult act(DeviceCommand command) {
    if (command instanceof SourceCommand.Enable e) {
      reading = new SourceReading(true, e.peer(), e.ratePairsPerSecond(), fidelity);
      return CommandResult.ok();
    }
    if (command instanceof SourceCommand.Disable) {
      rest();
      return CommandResult.ok();
    }
    return CommandResult.of(ResultCode.UNSUPPORTED, command.name() + " is not a source command");
  }

  @Override
  protected void rest() {
    reading = new SourceReading(false, (NodeId) null, 0, fidelity);
  }
}
