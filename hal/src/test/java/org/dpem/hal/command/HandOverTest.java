package org.dpem.hal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dpem.hal.AbstractDevice;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;
import org.dpem.hal.QuantumMemory;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.Limits;
import org.dpem.hal.time.ManualTimeBase;
import org.junit.jupiter.api.Test;

/** Stock and hand-over pass the same interlock as every command before they leave the host. */
class HandOverTest {
  private final ManualTimeBase time = new ManualTimeBase();
  private final List<DeviceCommand> wire = new ArrayList<>();

  private final class Memory extends AbstractDevice implements QuantumMemory {
    Memory() {
      super(new DeviceInfo(DeviceId.of("mem-1"), NodeId.of("n1"), DeviceKind.MEMORY, "test", "1",
          Limits.of(Limit.range(Parameters.SLOTS, 1, 4, "slots"))), HandOverTest.this.time,
          DeviceState.READY);
    }

    @Override
    protected CompletionStage<CommandResult> dispatch(DeviceCommand command) {
      wire.add(command);
      return CompletableFuture.completedFuture(CommandResult.ok());
    }

    @Override
    public int slotCount() {
      return 4;
    }

    @Override
    public int freeSlots() {
      return 4;
    }

    @Override
    public double coherenceTimeSeconds() {
      return 1;
    }

    @Override
    public double swapCapacityPerSecond() {
      return 1;
    }

    void become(DeviceState s) {
      setState(s, "test");
    }
  }

  private static CommandResult result(CompletionStage<CommandResult> s) {
    return s.toCompletableFuture().join();
  }

  @Test
  void handOverBeyondTheSlotLimitNeverReachesTheWire() {
    Memory m = new Memory();
    CommandResult r = result(m.handOver(AllocationId.of(2), 1_000, AllocationId.of(1),
        NodeId.of("n2"), 5, 0.8));
    assertThat(r.code()).isEqualTo(ResultCode.OUT_OF_LIMITS);
    assertThat(r.detail()).contains("hand-over").contains("slots=5");
    assertThat(wire).isEmpty();
    assertThat(result(m.handOver(AllocationId.of(2), 1_000, AllocationId.of(1), NodeId.of("n2"), 3, 0.8))
        .isOk()).isTrue();
    assertThat(wire).hasSize(1);
  }

  @Test
  void stockIsRefusedInFaultAndOutsideLimits() {
    Memory m = new Memory();
    assertThat(result(m.stock(AllocationId.of(1), 1_000, 6, NodeId.of("n2"))).code())
        .isEqualTo(ResultCode.OUT_OF_LIMITS);
    m.become(DeviceState.FAULT);
    assertThat(result(m.stock(AllocationId.of(1), 1_000, 2, NodeId.of("n2"))).code())
        .isEqualTo(ResultCode.FAULTED);
    assertThat(result(m.handOver(AllocationId.of(2), 1_000, AllocationId.of(1), NodeId.of("n2"), 1, 0.5))
        .code()).isEqualTo(ResultCode.FAULTED);
    assertThat(wire).isEmpty();
  }

  @Test
  void movedCountIsReadFromTheResult() {
    assertThat(MemoryCommand.HandOver.moved(MemoryCommand.HandOver.movedResult(3))).isEqualTo(3);
    assertThat(MemoryCommand.HandOver.moved(CommandResult.of(ResultCode.INVALID, "moved 3"))).isZero();
    assertThat(MemoryCommand.HandOver.moved(CommandResult.ok())).isZero();
  }

  @Test
  void badArgumentsAreRefusedAtConstruction() {
    assertThatThrownBy(() -> new MemoryCommand.HandOver(AllocationId.of(2), 0, AllocationId.of(1),
        NodeId.of("n2"), 0, 0.5)).hasMessageContaining("pairs must be >= 1");
    assertThatThrownBy(() -> new MemoryCommand.HandOver(AllocationId.of(2), 0, AllocationId.of(1),
        NodeId.of("n2"), 1, 1.5)).hasMessageContaining("min fidelity");
    assertThatThrownBy(() -> new MemoryCommand.Stock(AllocationId.of(1), 0, -1, NodeId.of("n2")))
        .hasMessageContaining("slots must be >= 0");
  }
}
