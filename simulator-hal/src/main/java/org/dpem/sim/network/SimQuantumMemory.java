package org.dpem.sim.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;
import org.dpem.hal.QuantumMemory;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.MemoryCommand;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.Limits;
import org.dpem.sim.engine.SimAction;
import org.dpem.sim.physics.Decay;
import org.dpem.sim.physics.Swapping;
import org.dpem.sim.topology.NodeSpec.MemorySpec;

/**
 * A simulated quantum memory with swapping (a repeater).
 *
 * <ul>
 *   <li>{@code reserve}: BUSY if more slots are asked than are free; INVALID if a peer is not a
 *       neighbour, more than two peers are named, or fewer slots than peers. Reserving again for
 *       the same allocation changes its slot count (BUSY if the increase does not fit) and, if
 *       the peers change, discards its stored halves and swap rules.
 *   <li>{@code swap}: INVALID unless the allocation holds slots on both sides; otherwise it
 *       installs a standing rule: whenever this memory holds a heralded half on each side, the
 *       oldest of each are swapped (at most {@code swap_rate} per second, success probability
 *       q). Each swap reports a {@code SwapOutcome}. The rule lasts until release.
 *   <li>cutoff (if the spec sets one): a qubit stored longer than the cutoff is discarded with
 *       its pair, at both ends.
 *   <li>{@code release}: frees the allocation's slots; pairs stored in them are destroyed at
 *       both ends. INVALID for an allocation that holds nothing ({@code none} releases all).
 * </ul>
 */
public final class SimQuantumMemory extends SimDevice implements QuantumMemory, SimAction {
  private final MemorySpec spec;
  private final Decay decay;
  private final SplittableRandom random;
  private final Map<AllocationId, Reservation> reservations = new LinkedHashMap<>();
  private final List<Reservation> waitingForSwapCapacity = new ArrayList<>();
  private final long cutoffNanos;
  private double swapRate;
  private long nextSwapAllowed;
  private boolean retryScheduled;
  private int reserved;

  SimQuantumMemory(SimNetwork net, NodeId node, MemorySpec spec) {
    super(new DeviceInfo(DeviceId.of(node.value() + ".memory"), node, DeviceKind.MEMORY,
        "simulated quantum memory", "sim-1",
        Limits.of(Limit.range(Parameters.SLOTS, 0, spec.slots(), "slots"),
            Limit.range(Parameters.SWAP_RATE, 0, spec.swapCapacityPerSecond(), "swaps/s"))), net);
    this.spec = spec;
    this.decay = spec.decay();
    this.swapRate = spec.swapCapacityPerSecond();
    this.cutoffNanos = Math.round(spec.cutoffSeconds() * 1e9);
    this.random = net.engine().randoms().stream(id().value());
  }

  @Override
  public int slotCount() {
    return spec.slots();
  }

  @Override
  public int freeSlots() {
    return spec.slots() - reserved;
  }

  @Override
  public double coherenceTimeSeconds() {
    return spec.coherenceTimeSeconds();
  }

  @Override
  public double swapCapacityPerSecond() {
    return spec.swapCapacityPerSecond();
  }

  /** The decay channel of one stored qubit. */
  public Decay decay() {
    return decay;
  }

  /** Halves stored for {@code allocation} now. */
  public int storedHalves(AllocationId allocation) {
    Reservation r = reservations.get(allocation);
    return r == null ? 0 : r.used;
  }

  Reservation reservation(AllocationId a) {
    return reservations.get(a);
  }

  @Override
  CommandResult execute(DeviceCommand command) {
    if (command instanceof MemoryCommand.Reserve r) {
      return reserve(r);
    }
    if (command instanceof MemoryCommand.Release r) {
      return release(r);
    }
    if (command instanceof MemoryCommand.Swap s) {
      return swapRule(s);
    }
    if (command instanceof MemoryCommand.Stock s) {
      return stock(s);
    }
    if (command instanceof MemoryCommand.HandOver h) {
      return handOver(h);
    }
    if (command instanceof SetParameter p && p.parameter().equals(Parameters.SWAP_RATE)) {
      swapRate = p.value();
      for (Reservation res : reservations.values()) {
        if (!res.swaps.isEmpty()) {
          net.engine().schedule(0, x -> trySwaps(res), 0);
        }
      }
      return CommandResult.ok();
    }
    return unsupported(command, this);
  }

  private CommandResult reserve(MemoryCommand.Reserve r) {
    if (r.allocation().equals(AllocationId.NONE)) {
      return invalid(r, this, "a reservation needs an allocation id");
    }
    if (r.peers().isEmpty() || r.peers().size() > 2 || new HashSet<>(r.peers()).size() != r.peers().size()) {
      return invalid(r, this, "name one or two distinct peers, got " + r.peers());
    }
    for (NodeId p : r.peers()) {
      if (net.link(node(), p) == null) {
        return invalid(r, this, "no link from " + node() + " to " + p);
      }
    }
    if (r.slots() < r.peers().size()) {
      return invalid(r, this, r.slots() + " slots cannot serve " + r.peers().size() + " peers (one slot per peer at least)");
    }
    Reservation old = reservations.get(r.allocation());
    if (old != null && old.stock) {
      return invalid(r, this, r.allocation() + " is a stock holding here; stock it with stock-slots");
    }
    int have = old == null ? 0 : old.slots;
    int extra = r.slots() - have;
    if (extra > freeSlots()) {
      return busy(r, this, r.slots() + " slots asked for " + r.allocation() + ", " + (freeSlots() + have)
          + " available (" + reserved + " of " + spec.slots() + " held by " + reservations.keySet() + ")");
    }
    if (old == null) {
      reservations.put(r.allocation(), new Reservation(r.allocation(), r.slots(), r.peers(), false));
    } else {
      if (!old.peers.equals(r.peers())) {
        discardAll(old);
        old.setPeers(r.peers());
      }
      old.slots = r.slots();
      // a smaller reservation also lowers each side's quota, which a side may now exceed
      for (ArrayDeque<Half> side : old.bySide) {
        while (side.size() > old.sideQuota()) {
          destroy(side.peekFirst());
        }
      }
      while (old.used > old.slots) {
        discardOldest(old);
      }
    }
    reserved += extra;
    return CommandResult.ok();
  }

  private CommandResult release(MemoryCommand.Release r) {
    if (r.allocation().equals(AllocationId.NONE)) {
      clearAll();
      return CommandResult.ok();
    }
    Reservation res = reservations.remove(r.allocation());
    if (res == null) {
      return invalid(r, this, "allocation " + r.allocation() + " holds no slots here");
    }
    discardAll(res);
    reserved -= res.slots;
    waitingForSwapCapacity.remove(res);
    return CommandResult.ok();
  }

  private CommandResult stock(MemoryCommand.Stock s) {
    if (s.allocation().equals(AllocationId.NONE)) {
      return invalid(s, this, "a stock needs a holding id");
    }
    if (net.link(node(), s.peer()) == null) {
      return invalid(s, this, "no link from " + node() + " to " + s.peer());
    }
    Reservation old = reservations.get(s.allocation());
    if (old != null && !old.stock) {
      return invalid(s, this, s.allocation() + " holds slots here as an allocation, not a stock");
    }
    int have = old == null ? 0 : old.slots;
    int extra = s.slots() - have;
    if (extra > freeSlots()) {
      return busy(s, this, s.slots() + " slots asked for stock " + s.allocation() + ", "
          + (freeSlots() + have) + " available");
    }
    if (old == null) {
      reservations.put(s.allocation(), new Reservation(s.allocation(), s.slots(), List.of(s.peer()), true));
    } else {
      if (!old.peers.get(0).equals(s.peer())) {
        discardAll(old);
        old.setPeers(List.of(s.peer()));
      }
      old.slots = s.slots();
      ArrayDeque<Half> side = old.bySide.get(0);
      while (side.size() > old.slots) {
        destroy(side.peekFirst());
      }
    }
    reserved += extra;
    return CommandResult.ok();
  }

  /**
   * Moves the freshest stocked halves that still meet the fidelity floor, with their slots, from
   * a stock holding to an allocation. Fidelity is the simulator's exact value; equipment would
   * estimate it from the storage time and the calibrated decay.
   */
  private CommandResult handOver(MemoryCommand.HandOver h) {
    if (h.allocation().equals(AllocationId.NONE) || h.allocation().equals(h.from())) {
      return invalid(h, this, "hand-over from " + h.from() + " to " + h.allocation()
          + ": the receiver must be another allocation");
    }
    Reservation src = reservations.get(h.from());
    if (src == null) {
      return invalid(h, this, "stock " + h.from() + " holds no slots here");
    }
    if (!src.stock) {
      return invalid(h, this, h.from() + " is not a stock holding here");
    }
    int srcSide = src.sideIndex(h.peer());
    if (srcSide < 0) {
      return invalid(h, this, "stock " + h.from() + " holds pairs towards " + src.peers
          + ", not " + h.peer());
    }
    Reservation dst = reservations.get(h.allocation());
    if (dst == null) {
      return invalid(h, this, "allocation " + h.allocation() + " holds no slots here");
    }
    if (dst.stock) {
      return invalid(h, this, h.allocation() + " is a stock holding; hand over to an allocation");
    }
    int dstSide = dst.sideIndex(h.peer());
    if (dstSide < 0) {
      return invalid(h, this, "allocation " + h.allocation() + " holds slots towards " + dst.peers
          + ", not " + h.peer());
    }
    long now = net.engine().now();
    List<Half> chosen = new ArrayList<>();
    var it = src.bySide.get(srcSide).descendingIterator();
    while (it.hasNext() && chosen.size() < h.pairs()) {
      Half x = it.next();
      Pair p = x.pair;
      if (p != null && p.alive && p.completeAt <= now && p.fidelityAt(now) >= h.minFidelity()) {
        chosen.add(x);
      }
    }
    // freshest first, each put in front: the receiver's side stays ordered oldest first
    for (Half x : chosen) {
      src.bySide.get(srcSide).remove(x);
      src.used--;
      src.slots--;
      x.reservation = dst;
      x.sideIdx = dstSide;
      dst.bySide.get(dstSide).addFirst(x);
      dst.used++;
      dst.slots++;
    }
    net.stats().handedOver(chosen.size());
    if (!chosen.isEmpty()) {
      if (!dst.swaps.isEmpty()) {
        net.engine().schedule(0, x -> trySwaps(dst), 0);
      }
      net.recheckDeliveries(dst.allocation, node());
    }
    return MemoryCommand.HandOver.movedResult(chosen.size());
  }

  /**
   * Makes room on a full stock side by discarding its oldest pair (at both ends): a stock keeps
   * the freshest pairs.
   *
   * @return whether the side now has room
   */
  boolean makeRoom(Reservation res, int side) {
    if (!res.stock || res.slots <= 0) {
      return false;
    }
    ArrayDeque<Half> halves = res.bySide.get(side);
    while (!res.hasRoom(side) && !halves.isEmpty()) {
      destroy(halves.peekFirst());
      net.stats().replaceStock();
    }
    return res.hasRoom(side);
  }

  private CommandResult swapRule(MemoryCommand.Swap s) {
    Reservation res = reservations.get(s.allocation());
    if (res == null) {
      return invalid(s, this, "allocation " + s.allocation() + " holds no slots here");
    }
    int l = res.sideIndex(s.left());
    int rr = res.sideIndex(s.right());
    if (l < 0 || rr < 0 || l == rr) {
      return invalid(s, this, "swap needs slots towards two different peers reserved for " + s.allocation()
          + "; reserved peers are " + res.peers + ", asked " + s.left() + " and " + s.right());
    }
    if (!(swapRate > 0)) {
      return busy(s, this, "swap rate is 0 (capacity " + spec.swapCapacityPerSecond() + "/s)");
    }
    for (int[] rule : res.swaps) {
      if ((rule[0] == l && rule[1] == rr) || (rule[0] == rr && rule[1] == l)) {
        return CommandResult.ok();
      }
    }
    res.swaps.add(new int[] {l, rr});
    net.engine().schedule(0, x -> trySwaps(res), 0);
    return CommandResult.ok();
  }

  @Override
  void clearAll() {
    for (Reservation res : new ArrayList<>(reservations.values())) {
      discardAll(res);
    }
    reservations.clear();
    waitingForSwapCapacity.clear();
    reserved = 0;
  }

  @Override
  Map<String, Double> readings() {
    return Map.of("free_slots", (double) freeSlots(), "reserved_slots", (double) reserved,
        "swap_rate", swapRate);
  }

  void store(Half h) {
    h.reservation.bySide.get(h.sideIdx).addLast(h);
    h.reservation.used++;
    h.stored = true;
    if (cutoffNanos > 0) {
      net.engine().schedule(cutoffNanos, h, Half.CUTOFF);
    }
  }

  /** {@code h} waited longer than the cutoff: discard it and its pair. */
  void onCutoff(Half h) {
    net.stats().cutoff();
    destroy(h);
  }

  void remove(Half h) {
    if (!h.stored) {
      return;
    }
    h.stored = false;
    h.reservation.bySide.get(h.sideIdx).remove(h);
    h.reservation.used--;
  }

  /** This node has learnt that {@code h} holds half of a heralded pair. */
  void onHeraldKnown(Half h) {
    if (listened()) {
      Pair p = h.pair;
      publish(new DeviceEvent.Herald(net.engine().now(), id(), h.reservation.allocation, h.side,
          p == null ? 0.25 : p.fidelityAt(net.engine().now())));
    }
    if (!h.reservation.swaps.isEmpty()) {
      trySwaps(h.reservation);
    }
  }

  /** Runs the swap rules of {@code res} while halves and swap capacity allow. */
  void trySwaps(Reservation res) {
    if (!usable() || reservations.get(res.allocation) != res || !(swapRate > 0)) {
      // a swap rate set to 0 pauses the rules; setting it again resumes them
      return;
    }
    long now = net.engine().now();
    for (int[] rule : res.swaps) {
      while (true) {
        Half l = oldestHeralded(res.bySide.get(rule[0]), now);
        Half r = oldestHeralded(res.bySide.get(rule[1]), now);
        if (l == null || r == null) {
          break;
        }
        if (now < nextSwapAllowed) {
          if (!waitingForSwapCapacity.contains(res)) {
            waitingForSwapCapacity.add(res);
          }
          if (!retryScheduled) {
            retryScheduled = true;
            net.engine().scheduleAt(nextSwapAllowed, this, 0);
          }
          return;
        }
        nextSwapAllowed = now + Math.max(1, Math.round(1e9 / swapRate));
        swap(res, l, r);
      }
    }
  }

  /** Swap capacity is free again. */
  @Override
  public void fire(long arg) {
    retryScheduled = false;
    List<Reservation> waiting = new ArrayList<>(waitingForSwapCapacity);
    waitingForSwapCapacity.clear();
    for (Reservation res : waiting) {
      trySwaps(res);
    }
  }

  private static Half oldestHeralded(ArrayDeque<Half> side, long now) {
    for (Half h : side) {
      if (h.heraldedAt <= now) {
        return h;
      }
    }
    return null;
  }

  private void swap(Reservation res, Half l, Half r) {
    long now = net.engine().now();
    Pair p1 = l.pair;
    Pair p2 = r.pair;
    Half far1 = p1.other(l);
    Half far2 = p2.other(r);
    remove(l);
    remove(r);
    p1.alive = false;
    p2.alive = false;
    boolean ok = random.nextDouble() < spec.swapSuccessProbability();
    net.stats().swap(ok);
    if (listened()) {
      publish(new DeviceEvent.SwapOutcome(now, id(), res.allocation, l.side, r.side, ok));
    }
    if (net.engine().tracing()) {
      net.engine().note("swap " + id() + " " + res.allocation + (ok ? " ok" : " failed"),
          ok ? Swapping.swap(p1.stateAt(now), p2.stateAt(now), spec.swapErrorProbability()).fidelity() : 0);
    }
    if (!ok) {
      // Simplification: the far ends free their slots now, not when the failure message arrives.
      far1.memory.remove(far1);
      far2.memory.remove(far2);
      return;
    }
    long complete = Math.max(Math.max(p1.completeAt, p2.completeAt),
        now + org.dpem.sim.physics.Fibre.delayNanos(Math.max(p1.spanKm, p2.spanKm)));
    Pair joined = new Pair(net,
        Swapping.swap(p1.stateAt(now), p2.stateAt(now), spec.swapErrorProbability()), now,
        far1, far2, complete, p1.spanKm + p2.spanKm);
    net.engine().scheduleAt(complete, joined, 0);
  }

  private void discardAll(Reservation res) {
    for (ArrayDeque<Half> side : res.bySide) {
      while (!side.isEmpty()) {
        destroy(side.peekFirst());
      }
    }
  }

  private void discardOldest(Reservation res) {
    for (ArrayDeque<Half> side : res.bySide) {
      if (!side.isEmpty()) {
        destroy(side.peekFirst());
        return;
      }
    }
  }

  /** Destroys the pair {@code h} holds half of, at both ends. */
  private void destroy(Half h) {
    remove(h);
    Pair p = h.pair;
    if (p != null) {
      p.alive = false;
      Half o = p.other(h);
      o.memory.remove(o);
    }
  }
}
