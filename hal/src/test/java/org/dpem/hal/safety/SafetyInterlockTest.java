package org.dpem.hal.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;
import org.dpem.hal.command.GoSafe;
import org.dpem.hal.command.MemoryCommand;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.command.SourceCommand;
import org.dpem.hal.time.ManualTimeBase;
import org.junit.jupiter.api.Test;

class SafetyInterlockTest {
  private final ManualTimeBase time = new ManualTimeBase();
  private final Limits limits = Limits.of(
      new Limit(Parameters.RATE, 0, 10, 0, 4, "pairs/s"),
      Limit.range(Parameters.SLOTS, 1, 5, "slots"));
  private final SafetyInterlock interlock = new SafetyInterlock("src-1", limits, time);

  private static SourceCommand.Enable enable(double rate) {
    return new SourceCommand.Enable(AllocationId.of(1), Long.MAX_VALUE, NodeId.of("b"), rate);
  }

  @Test
  void admitsInRangeAndRefusesOutOfRangeNamingDeviceAndLimit() {
    assertThat(interlock.admit(enable(2))).isEmpty();
    assertThat(interlock.admit(enable(11)))
        .hasValueSatisfying(v -> assertThat(v.message())
            .isEqualTo("enable-source on src-1: rate=11 exceeds max 10 pairs/s"));
  }

  @Test
  void enforcesMaxRateOfChangeOnTheTimeBase() {
    assertThat(interlock.admit(enable(1))).isEmpty();
    time.advance(500_000_000L);
    // 0.5 s at 4 pairs/s per s allows a change of 2.
    assertThat(interlock.admit(enable(3.5))).hasValueSatisfying(v ->
        assertThat(v.message()).contains("exceeds max rate of change 4 pairs/s/s"));
    assertThat(interlock.admit(enable(3))).isEmpty();
  }

  @Test
  void refusedCommandDoesNotMoveTheRateReference() {
    assertThat(interlock.admit(enable(1))).isEmpty();
    time.advance(1_000_000_000L);
    assertThat(interlock.admit(enable(9))).isPresent();
    assertThat(interlock.admit(enable(5))).isEmpty();
  }

  @Test
  void parametersWithoutALimitCannotBeSet() {
    assertThat(interlock.admit(new SetParameter(AllocationId.NONE, Long.MAX_VALUE, "pump_power", 1)))
        .hasValueSatisfying(v -> assertThat(v.message()).contains("'pump_power' has no limit"));
  }

  @Test
  void commandsTowardsRestAlwaysPass() {
    assertThat(interlock.admit(new GoSafe(0))).isEmpty();
    assertThat(interlock.admit(new MemoryCommand.Release(AllocationId.of(3), 0))).isEmpty();
    assertThat(interlock.admit(new MemoryCommand.Reserve(AllocationId.of(3), 0, 9, List.of())))
        .isPresent();
  }

  @Test
  void narrowingAppliesAndWideningIsRefused() {
    interlock.narrow(Limits.of(Limit.range(Parameters.RATE, 0, 6, "")));
    assertThat(interlock.admit(enable(7))).isPresent();
    assertThatThrownBy(() -> interlock.narrow(Limits.of(Limit.range(Parameters.RATE, 0, 8, ""))))
        .isInstanceOf(LimitWideningException.class);
    assertThatThrownBy(() -> interlock.narrow(Limits.of(Limit.range("voltage", 0, 1, ""))))
        .hasMessageContaining("does not have");
  }
}
