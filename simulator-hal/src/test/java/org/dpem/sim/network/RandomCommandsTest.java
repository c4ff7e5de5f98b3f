package org.dpem.sim.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceState;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.topology.Lattices;
import org.dpem.sim.topology.NodeTemplate;

/**
 * Any sequence of commands and faults, in any order, keeps the devices consistent: no command
 * throws, slots are never over-committed, stored halves never exceed reservations, and every
 * delivered pair is a valid state between two distinct nodes.
 */
class RandomCommandsTest {
  private static final long FOREVER = Long.MAX_VALUE;

  /**
   * A sequence found by the property: a reservation shrunk from 4 slots to 2 kept two halves on
   * one side, above the side's new quota of 1.
   */
  @Example
  void shrinkingAReservationKeepsEverySideWithinItsQuota() {
    devicesStayConsistentUnderRandomCommands(-1086L);
  }

  @Property(tries = 60)
  void devicesStayConsistentUnderRandomCommands(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    SimNetwork net = new SimNetwork(new SimEngine(seed),
        Lattices.chain(3, 20, 0.2, 10, 5, NodeTemplate.defaults().withSlots(4).withCutoff(r.nextBoolean() ? 0.5 : 0)),
        NetworkOptions.defaults());
    List<DeviceEvent.PairDelivered> delivered = new ArrayList<>();
    net.subscribe(e -> {
      if (e instanceof DeviceEvent.PairDelivered d) {
        delivered.add(d);
      }
    });
    List<NodeId> n = List.of(NodeId.of("n0"), NodeId.of("n1"), NodeId.of("n2"), NodeId.of("n3"));
    // start from a working end-to-end allocation, so the random commands disturb live pairs
    AllocationId live = AllocationId.of(1);
    for (int i = 0; i < 4; i++) {
      List<NodeId> peers = i == 0 ? List.of(n.get(1)) : i == 3 ? List.of(n.get(2)) : List.of(n.get(i - 1), n.get(i + 1));
      join(net.memoryAt(n.get(i)).reserve(live, FOREVER, peers.size(), peers));
      if (i > 0 && i < 3) {
        join(net.memoryAt(n.get(i)).swap(live, FOREVER, n.get(i - 1), n.get(i + 1)));
      }
      if (i > 0) {
        join(net.analyzerAt(n.get(i)).arm(live, FOREVER, n.get(i - 1), 1e-9));
      }
    }
    join(net.analyzerAt(n.get(3)).arm(live, FOREVER, n.get(0), 1e-9));
    for (int i = 0; i < 3; i++) {
      join(net.sourceAt(n.get(i)).enable(live, FOREVER, n.get(i + 1), 10));
    }
    for (int step = 0; step < 300; step++) {
      AllocationId a = AllocationId.of(1 + r.nextInt(3));
      int i = r.nextInt(4);
      NodeId x = n.get(i);
      NodeId left = n.get(Math.max(0, i - 1));
      NodeId right = n.get(Math.min(3, i + 1));
      NodeId any = n.get(r.nextInt(4));
      CommandResult res = switch (r.nextInt(14)) {
        case 0, 1 -> join(net.memoryAt(x).reserve(a, FOREVER, 1 + r.nextInt(4),
            i == 0 ? List.of(right) : i == 3 ? List.of(left) : List.of(left, right)));
        case 2 -> join(net.memoryAt(x).release(a, FOREVER));
        case 3 -> join(net.memoryAt(x).swap(a, FOREVER, left, right));
        case 4, 5 -> join(net.analyzerAt(x).arm(a, FOREVER, any, 1e-9));
        case 6 -> join(net.analyzerAt(x).disarm(a, FOREVER));
        case 7, 8 -> join(net.sourceAt(x).enable(a, FOREVER, r.nextBoolean() ? left : right, r.nextInt(11)));
        case 9 -> join(net.sourceAt(x).disable(a, FOREVER));
        case 10 -> join(net.memoryAt(x).submit(new SetParameter(AllocationId.NONE, FOREVER, Parameters.SWAP_RATE, r.nextInt(6))));
        case 11 -> {
          switch (r.nextInt(5)) {
            case 0 -> net.faults().memoryFault(x);
            case 1 -> net.faults().loseDevice(net.sourceAt(x).id(), "test");
            case 2 -> net.faults().restoreDevice(net.sourceAt(x).id());
            case 3 -> net.faults().cutLink(x, right.equals(x) ? left : right);
            default -> net.faults().restoreLink(x, right.equals(x) ? left : right);
          }
          yield CommandResult.ok();
        }
        case 12 -> join(net.memoryAt(x).clearFault(FOREVER));
        default -> join(net.memoryAt(x).safe(FOREVER));
      };
      assertThat(res).isNotNull();
      net.engine().runFor(r.nextInt(2_000_000_000));
      for (NodeId node : n) {
        SimQuantumMemory m = net.memoryAt(node);
        assertThat(m.freeSlots()).isBetween(0, m.slotCount());
        int stored = 0;
        for (long id = 1; id <= 3; id++) {
          Reservation rs = m.reservation(AllocationId.of(id));
          if (rs != null) {
            assertThat(rs.used).isBetween(0, rs.slots);
            int sides = 0;
            for (var side : rs.bySide) {
              assertThat(side.size()).isLessThanOrEqualTo(rs.sideQuota());
              sides += side.size();
            }
            assertThat(sides).isEqualTo(rs.used);
            stored += rs.used;
          }
        }
        assertThat(stored).isLessThanOrEqualTo(m.slotCount() - m.freeSlots());
        if (m.state() == DeviceState.FAULT || m.state() == DeviceState.SAFE) {
          assertThat(m.freeSlots()).isEqualTo(m.slotCount());
        }
      }
    }
    assertThat(delivered).allSatisfy(d -> {
      assertThat(d.fidelity()).isBetween(0.25 - 1e-12, 0.95 + 1e-12);
      assertThat(d.a()).isNotEqualTo(d.b());
    });
  }

  private static CommandResult join(java.util.concurrent.CompletionStage<CommandResult> s) {
    return s.toCompletableFuture().join();
  }
}
