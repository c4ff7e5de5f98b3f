package org.dpem.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dpem.sim.network.SimNetworkTest.A1;
import static org.dpem.sim.network.SimNetworkTest.FOREVER;
import static org.dpem.sim.network.SimNetworkTest.N0;
import static org.dpem.sim.network.SimNetworkTest.N1;
import static org.dpem.sim.network.SimNetworkTest.N2;
import static org.dpem.sim.network.SimNetworkTest.r;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceState;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.topology.Lattices;
import org.dpem.sim.topology.NodeTemplate;
import org.junit.jupiter.api.Test;

/** Injected faults reach the HAL caller as the documented states, events and result codes. */
class FaultInjectionTest {
  final List<DeviceEvent> events = new ArrayList<>();
  final SimNetwork net = new SimNetwork(new SimEngine(5),
      Lattices.chain(2, 10, 0.0, 10, 5, NodeTemplate.defaults().withSlots(4)), NetworkOptions.quiet());

  FaultInjectionTest() {
    net.subscribe(events::add);
  }

  @Test
  void failedDeviceLatchesAFaultAndRefusesCommandsUntilCleared() {
    SimNetworkTest.allocate(net, A1);
    net.engine().runUntil(2_000_000_000L);
    long before = net.stats().delivered();
    assertThat(before).isPositive();
    DeviceId src = net.sourceAt(N0).id();
    net.faults().failDevice(src, "LASER_OVERTEMP", "pump laser over temperature");
    assertThat(net.sourceAt(N0).state()).isEqualTo(DeviceState.FAULT);
    assertThat(events).anySatisfy(e -> assertThat(e).isEqualTo(new DeviceEvent.Fault(
        2_000_000_000L, src, "LASER_OVERTEMP", "pump laser over temperature", true)));
    assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DeviceEvent.StateChanged.class,
        s -> assertThat(s.to()).isEqualTo(DeviceState.FAULT)));
    CommandResult refused = r(net.sourceAt(N0).enable(A1, FOREVER, N1, 5));
    assertThat(refused.code()).isEqualTo(ResultCode.FAULTED);
    net.engine().runUntil(10_000_000_000L);
    long heraldsOnDeadLink = events.stream().filter(e -> e instanceof DeviceEvent.Herald h
        && h.timeNanos() > 2_000_000_000L && h.peer().equals(N0)).count();
    assertThat(heraldsOnDeadLink).isZero();
    assertThat(r(net.sourceAt(N0).clearFault(FOREVER)).code()).isEqualTo(ResultCode.OK);
    assertThat(net.sourceAt(N0).state()).isEqualTo(DeviceState.READY);
    // the fault dropped the source's allocation: the controller must enable it again
    assertThat(net.sourceAt(N0).reading().enabled()).isFalse();
    assertThat(r(net.sourceAt(N0).enable(A1, FOREVER, N1, 10)).code()).isEqualTo(ResultCode.OK);
    long mid = net.stats().delivered();
    net.engine().runUntil(20_000_000_000L);
    assertThat(net.stats().delivered()).isGreaterThan(mid);
  }

  @Test
  void memoryFaultLosesStoredQubitsAtBothEnds() {
    SimNetworkTest.allocate(net, A1);
    // stop the right link so halves wait at n1 and n0
    r(net.sourceAt(N1).disable(A1, FOREVER));
    net.engine().runUntil(2_000_000_000L);
    assertThat(net.memoryAt(N0).storedHalves(A1)).isEqualTo(1);
    assertThat(net.memoryAt(N1).storedHalves(A1)).isEqualTo(1);
    net.faults().memoryFault(N1);
    assertThat(net.memoryAt(N1).state()).isEqualTo(DeviceState.FAULT);
    assertThat(net.memoryAt(N0).storedHalves(A1)).isZero();
    assertThat(r(net.memoryAt(N1).reserve(A1, FOREVER, 2, List.of(N0, N2))).code()).isEqualTo(ResultCode.FAULTED);
    assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DeviceEvent.Fault.class,
        f -> assertThat(f.code()).isEqualTo("MEMORY_FAULT")));
    // going safe is never refused
    assertThat(r(net.memoryAt(N1).safe(FOREVER)).code()).isEqualTo(ResultCode.OK);
    assertThat(net.memoryAt(N1).state()).isEqualTo(DeviceState.SAFE);
    assertThat(r(net.memoryAt(N1).reserve(A1, FOREVER, 2, List.of(N0, N2))).code()).isEqualTo(ResultCode.SAFE_STATE);
  }

  @Test
  void lostDeviceIsUnreachableUntilRestored() {
    DeviceId mem = net.memoryAt(N2).id();
    net.faults().loseDevice(mem, "power cut");
    assertThat(r(net.memoryAt(N2).reserve(A1, FOREVER, 1, List.of(N1))).code()).isEqualTo(ResultCode.UNREACHABLE);
    assertThat(r(net.memoryAt(N2).clearFault(FOREVER)).code()).isEqualTo(ResultCode.UNREACHABLE);
    assertThat(net.node(N2).orElseThrow().usable()).isFalse();
    net.faults().restoreDevice(mem);
    assertThat(net.memoryAt(N2).state()).isEqualTo(DeviceState.READY);
    assertThat(events).filteredOn(e -> e instanceof DeviceEvent.StateChanged).extracting(
        e -> ((DeviceEvent.StateChanged) e).to()).containsExactly(DeviceState.LOST,
        DeviceState.CONNECTING, DeviceState.READY);
    assertThat(r(net.memoryAt(N2).reserve(A1, FOREVER, 1, List.of(N1))).code()).isEqualTo(ResultCode.OK);
  }

  @Test
  void cutLinkStopsHeraldsAndIsReportedByBothAnalyzers() {
    SimNetworkTest.allocate(net, A1);
    net.engine().runUntil(1_000_000_000L);
    net.faults().cutLink(N1, N2);
    assertThat(events).filteredOn(e -> e instanceof DeviceEvent.Fault f && f.code().equals("LINK_DOWN"))
        .extracting(DeviceEvent::device).containsExactlyInAnyOrder(net.analyzerAt(N1).id(), net.analyzerAt(N2).id());
    long delivered = net.stats().delivered();
    net.engine().runUntil(6_000_000_000L);
    assertThat(net.stats().delivered()).isEqualTo(delivered);
    assertThat(events.stream().filter(e -> e instanceof DeviceEvent.Herald h && h.peer().equals(N2)
        && h.timeNanos() > 1_000_100_000L).count()).isZero();
    net.faults().restoreLink(N1, N2);
    net.engine().runUntil(12_000_000_000L);
    assertThat(net.stats().delivered()).isGreaterThan(delivered);
  }

  @Test
  void slowDeviceAcksLateAndMissedDeadlinesTimeOutWithoutActing() {
    DeviceId mem = net.memoryAt(N0).id();
    net.faults().slowDevice(mem, 5_000_000);
    assertThat(net.memoryAt(N0).state()).isEqualTo(DeviceState.DEGRADED);
    CompletableFuture<CommandResult> late = net.memoryAt(N0).reserve(A1, 1_000_000, 1, List.of(N1)).toCompletableFuture();
    CompletableFuture<CommandResult> ok = net.memoryAt(N0).reserve(SimNetworkTest.A2, 10_000_000, 1, List.of(N1)).toCompletableFuture();
    assertThat(late).isNotDone();
    assertThat(ok).isNotDone();
    net.engine().runUntil(1_000_000);
    assertThat(late.join().code()).isEqualTo(ResultCode.TIMEOUT);
    assertThat(ok).isNotDone();
    assertThat(net.memoryAt(N0).freeSlots()).isEqualTo(4);
    net.engine().runUntil(5_000_000);
    assertThat(ok.join().code()).isEqualTo(ResultCode.OK);
    assertThat(net.memoryAt(N0).freeSlots()).isEqualTo(3);
    net.faults().slowDevice(mem, 0);
    assertThat(net.memoryAt(N0).state()).isEqualTo(DeviceState.READY);
  }

  @Test
  void expiredCommandsAreRefusedBeforeReachingTheDevice() {
    net.engine().runUntil(2_000_000);
    assertThat(r(net.memoryAt(N0).reserve(A1, 1_000_000, 1, List.of(N1))).code()).isEqualTo(ResultCode.EXPIRED);
    assertThat(net.memoryAt(N0).freeSlots()).isEqualTo(4);
  }
}
