package org.dpem.sim.firmware;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.QuantumMemory;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.MemoryCommand;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.time.TimeBase;

/**
 * A stand-alone memory: counts slots held per allocation and per stock; swaps report success.
 * It stores no pairs, so a hand-over it accepts moves none.
 */
public final class BenchQuantumMemory extends BenchDevice implements QuantumMemory {
  private final int slots;
  private final double coherenceSeconds;
  private final double swapCapacity;
  private final Map<AllocationId, Integer> held = new ConcurrentHashMap<>();
  private final Map<AllocationId, Integer> stocks = new ConcurrentHashMap<>();

  public BenchQuantumMemory(DeviceInfo info, TimeBase time, int slots, double coherenceSeconds,
      double swapCapacity) {
    super(info, time);
    this.slots = slots;
    this.coherenceSeconds = coherenceSeconds;
    this.swapCapacity = swapCapacity;
  }

  @Override
  public int slotCount() {
    return slots;
  }

  @Override
  public synchronized int freeSlots() {
    return slots - held.values().stream().mapToInt(Integer::intValue).sum()
        - stocks.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public double coherenceTimeSeconds() {
    return coherenceSeconds;
  }

  @Override
  public double swapCapacityPerSecond() {
    return swapCapacity;
  }

  @Override
  protected synchronized CommandResult act(DeviceCommand command) {
    if (command instanceof MemoryCommand.Reserve r) {
      if (r.slots() > freeSlots()) {
        return CommandResult.of(ResultCode.BUSY, "reserve-slots on " + id() + ": " + r.slots()
            + " slots asked, " + freeSlots() + " free");
      }
      held.merge(r.allocation(), r.slots(), Integer::sum);
      return CommandResult.ok();
    }
    if (command instanceof MemoryCommand.Release r) {
      held.remove(r.allocation());
      stocks.remove(r.allocation());
      return CommandResult.ok();
    }
    if (command instanceof MemoryCommand.Stock st) {
      if (held.containsKey(st.allocation())) {
        return CommandResult.of(ResultCode.INVALID, "stock-slots on " + id() + ": "
            + st.allocation() + " holds slots as an allocation");
      }
      int extra = st.slots() - stocks.getOrDefault(st.allocation(), 0);
      if (extra > freeSlots()) {
        return CommandResult.of(ResultCode.BUSY, "stock-slots on " + id() + ": " + st.slots()
            + " slots asked, " + freeSlots() + " free");
      }
      stocks.put(st.allocation(), st.slots());
      return CommandResult.ok();
    }
    if (command instanceof MemoryCommand.HandOver h) {
      if (!stocks.containsKey(h.from()) || !held.containsKey(h.allocation())) {
        return CommandResult.of(ResultCode.INVALID, "hand-over on " + id() + ": "
            + (stocks.containsKey(h.from()) ? "allocation " + h.allocation() + " holds no slots"
                : h.from() + " is not a stock here"));
      }
      return MemoryCommand.HandOver.movedResult(0);
    }
    if (command instanceof MemoryCommand.Swap s) {
      if (!held.containsKey(s.allocation())) {
        return CommandResult.of(ResultCode.INVALID, "swap on " + id() + ": allocation "
            + s.allocation() + " holds no slots");
      }
      emit(new DeviceEvent.SwapOutcome(time.nowNanos(), id(), s.allocation(), s.left(), s.right(), true));
      return CommandResult.ok();
    }
    return CommandResult.of(ResultCode.UNSUPPORTED, command.name() + " is not a memory command");
  }

  @Override
  protected void rest() {
    held.clear();
    stocks.clear();
  }
}
