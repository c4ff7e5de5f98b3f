package org.dpem.hal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.Limits;
import org.dpem.hal.time.ManualTimeBase;
import org.junit.jupiter.api.Test;

/** The checks that no implementation can skip, exercised through a minimal real device. */
class AbstractDeviceTest {
  private final ManualTimeBase time = new ManualTimeBase();
  private final List<DeviceCommand> wire = new ArrayList<>();

  private final class RecordingSource extends AbstractDevice implements PairSource {
    RecordingSource() {
      super(new DeviceInfo(DeviceId.of("src-1"), NodeId.of("n1"), DeviceKind.SOURCE, "test", "1",
          Limits.of(Limit.range(Parameters.RATE, 0, 10, "pairs/s"))), AbstractDeviceTest.this.time,
          DeviceState.READY);
    }

    @Override
    protected CompletionStage<CommandResult> dispatch(DeviceCommand command) {
      wire.add(command);
      return CompletableFuture.completedFuture(CommandResult.ok());
    }

    @Override
    public SourceReading reading() {
      return new SourceReading(false, null, 0, 0.95);
    }

    void become(DeviceState s) {
      setState(s, "test");
    }
  }

  private static CommandResult result(CompletionStage<CommandResult> s) {
    return s.toCompletableFuture().join();
  }

  @Test
  void outOfLimitCommandNeverReachesTheWire() {
    RecordingSource src = new RecordingSource();
    CommandResult r = result(src.enable(AllocationId.of(1), 1_000, NodeId.of("n2"), 12));
    assertThat(r.code()).isEqualTo(ResultCode.OUT_OF_LIMITS);
    assertThat(r.detail()).contains("rate=12 exceeds max 10");
    assertThat(wire).isEmpty();
    assertThat(result(src.enable(AllocationId.of(1), 1_000, NodeId.of("n2"), 5)).isOk()).isTrue();
    assertThat(wire).hasSize(1);
  }

  @Test
  void expiredCommandIsNotSent() {
    RecordingSource src = new RecordingSource();
    time.advance(2_000);
    assertThat(result(src.enable(AllocationId.of(1), 1_000, NodeId.of("n2"), 5)).code())
        .isEqualTo(ResultCode.EXPIRED);
    assertThat(wire).isEmpty();
  }

  @Test
  void stateGatesActuationButNeverStopping() {
    RecordingSource src = new RecordingSource();
    List<DeviceEvent> events = new ArrayList<>();
    src.subscribe(events::add);
    src.become(DeviceState.FAULT);
    assertThat(result(src.enable(AllocationId.of(1), 1_000, NodeId.of("n2"), 5)).code())
        .isEqualTo(ResultCode.FAULTED);
    src.become(DeviceState.LOST);
    assertThat(result(src.enable(AllocationId.of(1), 1_000, NodeId.of("n2"), 5)).code())
        .isEqualTo(ResultCode.UNREACHABLE);
    assertThat(result(src.safe(1_000)).isOk()).isTrue();
    assertThat(result(src.disable(AllocationId.of(1), 1_000)).isOk()).isTrue();
    assertThat(wire).extracting(DeviceCommand::name).containsExactly("safe", "disable-source");
    assertThat(events).hasSize(2).allMatch(e -> e instanceof DeviceEvent.StateChanged);
    assertThat(src.health().state()).isEqualTo(DeviceState.LOST);
  }

  @Test
  void nodeFindsDevicesByCapability() {
    RecordingSource src = new RecordingSource();
    TrustedNode node = new SimpleNode(NodeId.of("n1"), List.of(src));
    assertThat(node.devices(PairSource.class)).containsExactly(src);
    assertThat(node.device(QuantumMemory.class)).isEmpty();
    assertThat(node.usable()).isTrue();
  }
}
