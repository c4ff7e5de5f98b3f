package org.dpem.controller.loop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.policy.StockOrder;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.reserve.ResourceKind;
import org.dpem.controller.reserve.ResourceLedger;
import org.dpem.controller.reserve.StockClaim;
import org.dpem.controller.reserve.StockGrant;
import org.dpem.controller.reserve.Usage;
import org.dpem.controller.topology.FidelityModel;
import org.dpem.controller.topology.LinkInfo;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.controller.topology.TopologySnapshot;
import org.dpem.hal.DeviceDirectory;
import org.dpem.hal.NodeId;
import org.dpem.hal.event.DeviceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's link stocks (entanglement buffering). A policy's stock orders are the standing
 * target of each epoch: an ordered link gets a holding of its own id (slots at both ends, the
 * generation to fill them), grown through the reservation like any claim; a link left out of
 * the epoch's orders has its holding released. When an allocation opens on a path through a
 * stocked link, its pairs are handed over with their slots, at both ends, if their fidelity still
 * leaves the request's floor reachable. Slots and generation of holdings live in the same ledger
 * as allocations'; handed-over slots are held by the receiving allocation until it ends. Loop
 * thread only, except {@link #onEvent}.
 */
final class Stockpile {
  private static final Logger LOG = LoggerFactory.getLogger(Stockpile.class);
  /** The least fraction of a stock's fill generation worth holding. */
  static final double MIN_SCALE = 0.1;
  /**
   * How many times per coherence time a full stock's pairs are renewed: a pair is on average a
   * twentieth of T old, so it keeps most of its fidelity (e^(-2/20) of its Werner parameter).
   */
  static final double RENEWALS_PER_COHERENCE = 10;
  /** The largest share of its generating node's generation one stock may hold. */
  static final double MAX_GENERATION_SHARE = 0.5;

  /** One link's stock. */
  private static final class Holding {
    final long id;
    final int link;
    final int a;
    final int b;
    final int generator;
    int slotsA;
    int slotsB;
    double attempts;
    int ordered;

    Holding(long id, int link, int a, int b, int generator) {
      this.id = id;
      this.link = link;
      this.a = a;
      this.b = b;
      this.generator = generator;
    }
  }

  private final NetworkModel model;
  private final DeviceDirectory devices;
  private final ResourceLedger ledger;
  private final Commander commander;
  private final RunMetrics metrics;
  private final LongSupplier ids;
  private final Consumer<Runnable> inbox;
  private final LongPredicate allocationActive;
  private final Map<Integer, Holding> byLink = new LinkedHashMap<>();
  private final Map<Long, Holding> byId = new ConcurrentHashMap<>();
  /** Slots handed over to running allocations: allocation id to (memory resource, slots). */
  private final Map<Long, Map<Integer, Integer>> received = new HashMap<>();
  private final Set<Integer> warned = new HashSet<>();

  Stockpile(NetworkModel model, DeviceDirectory devices, ResourceLedger ledger,
      Commander commander, RunMetrics metrics, LongSupplier ids, Consumer<Runnable> inbox,
      LongPredicate allocationActive) {
    this.model = model;
    this.devices = devices;
    this.ledger = ledger;
    this.commander = commander;
    this.metrics = metrics;
    this.ids = ids;
    this.inbox = inbox;
    this.allocationActive = allocationActive;
  }

  /** Links stocked now. */
  int holdings() {
    return byLink.size();
  }

  /**
   * Shows the stocks' generation as free while the policy decides: a request's claim may take it
   * (see {@link #claims}). Call right before the epoch's view is built, then {@link #claims}.
   */
  void lendGeneration() {
    for (Holding h : byLink.values()) {
      if (h.attempts > 0) {
        ledger.release(Usage.ofStock(model, h.link, 0, 0, h.attempts));
      }
    }
  }

  /**
   * Takes one epoch's orders: releases the stocks no longer ordered, shrinks those ordered
   * smaller, makes the stocks whose generating node this epoch's request claims use yield their
   * generation (demand now comes before demand later; the others take theirs back from
   * {@link #lendGeneration}), and returns the claims for the rest to grow or to
   * take generation back from what the requests leave.
   */
  List<StockClaim> claims(List<StockOrder> orders, List<Claim> requestClaims, TopologySnapshot topo,
      long deadline) {
    Set<Integer> yielded = new HashSet<>();
    if (!byLink.isEmpty()) {
      Set<Integer> generators = new HashSet<>();
      for (Claim c : requestClaims) {
        int[] idx = c.path().nodeIndex();
        for (int j = 0; j + 1 < idx.length; j++) {
          generators.add(model.generatingEnd(model.linkBetween(idx[j], idx[j + 1])));
        }
      }
      for (Holding h : byLink.values()) {
        if (h.attempts <= 0) {
          continue;
        }
        if (generators.contains(h.generator)) {
          // commanded now, so the source is free before the allocations' enables reach it
          h.attempts = 0;
          yielded.add(h.link);
          send(h, deadline);
        } else {
          ledger.hold(Usage.ofStock(model, h.link, 0, 0, h.attempts));
        }
      }
    }
    Map<Integer, Integer> wanted = new LinkedHashMap<>();
    for (StockOrder o : orders) {
      int a = model.contains(o.a()) ? model.indexOf(o.a()) : -1;
      int b = model.contains(o.b()) ? model.indexOf(o.b()) : -1;
      int link = a < 0 || b < 0 ? -1 : model.linkBetween(a, b);
      if (link < 0) {
        if (warned.add(o.hashCode())) {
          LOG.warn("stock order on {}-{}: there is no such link; ignored", o.a(), o.b());
        }
        continue;
      }
      if (!topo.usable(a) || !topo.usable(b)) {
        continue;
      }
      int cap = Math.min(model.node(a).memorySlots(), model.node(b).memorySlots());
      wanted.merge(link, Math.min(o.pairs(), cap), Math::max);
    }
    for (Iterator<Holding> it = byLink.values().iterator(); it.hasNext(); ) {
      Holding h = it.next();
      if (!wanted.containsKey(h.link)) {
        it.remove();
        drop(h, deadline);
      }
    }
    List<StockClaim> claims = new ArrayList<>();
    for (Map.Entry<Integer, Integer> w : wanted.entrySet()) {
      int link = w.getKey();
      int target = w.getValue();
      Holding h = byLink.get(link);
      int haveA = h == null ? 0 : h.slotsA;
      int haveB = h == null ? 0 : h.slotsB;
      double haveGen = h == null ? 0 : h.attempts;
      if (h != null) {
        h.ordered = target;
        if (haveA > target || haveB > target) {
          ledger.release(Usage.ofStock(model, link, Math.max(0, haveA - target),
              Math.max(0, haveB - target), 0));
          h.slotsA = Math.min(haveA, target);
          h.slotsB = Math.min(haveB, target);
          send(h, deadline);
        }
      }
      double full = fillAttempts(link, target);
      // top generation up only when a quarter or more is missing, not for every rounding
      // a stock that yielded this epoch asks again next epoch, from what the requests left
      double gen = !yielded.contains(link) && full - haveGen > 0.25 * full ? full - haveGen : 0;
      int needA = Math.max(0, target - haveA);
      int needB = Math.max(0, target - haveB);
      // ask only for what is free now, as a policy does with its view: a claim bound to be
      // refused would count as a conflict without being one
      LinkInfo li = model.links().get(link);
      if (needA > ledger.free(ResourceKind.MEMORY.at(model.indexOf(li.a())))
          || needB > ledger.free(ResourceKind.MEMORY.at(model.indexOf(li.b())))) {
        needA = 0;
        needB = 0;
      }
      double freeGen = ledger.free(ResourceKind.GENERATION.at(model.generatingEnd(link)))
          / model.generationPerAttempt(link);
      gen = freeGen >= MIN_SCALE * gen ? Math.min(gen, freeGen) : 0;
      if (needA > 0 || needB > 0 || gen > 0) {
        claims.add(new StockClaim(link, Usage.ofStock(model, link, needA, needB, gen), MIN_SCALE));
      }
    }
    return claims;
  }

  /** Books the stock claims the reservation granted and commands them. */
  void granted(List<StockGrant> grants, long deadline) {
    for (StockGrant g : grants) {
      int link = g.claim().link();
      Holding h = byLink.get(link);
      if (h == null) {
        LinkInfo l = model.links().get(link);
        h = new Holding(ids.getAsLong(), link, model.indexOf(l.a()), model.indexOf(l.b()),
            model.generatingEnd(link));
        byLink.put(link, h);
        byId.put(h.id, h);
      }
      Usage u = g.usage();
      for (int i = 0; i < u.resources().length; i++) {
        int r = u.resources()[i];
        int node = ResourceKind.nodeOf(r);
        switch (ResourceKind.kindOf(r)) {
          case GENERATION -> h.attempts += u.amounts()[i] / model.generationPerAttempt(h.link);
          case MEMORY -> {
            if (node == h.a) {
              h.slotsA += (int) Math.round(u.amounts()[i]);
            } else {
              h.slotsB += (int) Math.round(u.amounts()[i]);
            }
          }
          default -> { }
        }
      }
      send(h, deadline);
    }
  }

  /**
   * Hands the stocks on {@code a}'s path over to it, at both ends of each stocked link. The
   * least fidelity a pair may bring is what keeps the path's estimate at the request's floor
   * when every stocked link on the path uses an equal part of the slack.
   */
  void handOver(Allocation a, long deadline) {
    if (byLink.isEmpty()) {
      return;
    }
    int[] idx = a.path().nodeIndex();
    List<Holding> onPath = new ArrayList<>();
    for (int j = 0; j + 1 < idx.length; j++) {
      Holding h = byLink.get(model.linkBetween(idx[j], idx[j + 1]));
      if (h != null && (h.slotsA > 0 || h.slotsB > 0)) {
        onPath.add(h);
      }
    }
    if (onPath.isEmpty()) {
      return;
    }
    double floor = FidelityModel.werner(a.request().request().minFidelity());
    double slack = FidelityModel.werner(a.path().fidelity()) / floor;
    if (!(slack >= 1)) {
      return;
    }
    double perLink = Math.pow(slack, 1.0 / onPath.size());
    for (Holding h : onPath) {
      double herald = FidelityModel.werner(model.links().get(h.link).fidelity());
      double minFidelity = Math.min(1, Math.max(0, FidelityModel.fidelity(herald / perLink)));
      int pairs = Math.max(1, Math.min(a.request().remaining(), Math.max(h.slotsA, h.slotsB)));
      for (int end : new int[] {h.a, h.b}) {
        NodeId at = model.node(end).id();
        NodeId peer = model.node(end == h.a ? h.b : h.a).id();
        commander.handOver(a, h.id, at, peer, pairs, minFidelity, deadline)
            .whenComplete((n, ex) -> inbox.accept(() -> moved(h, a.id(), end, n == null ? 0 : n)));
      }
    }
  }

  /** {@code n} pairs of {@code h} moved at node {@code end} into allocation {@code allocation}. */
  private void moved(Holding h, long allocation, int end, int n) {
    if (n <= 0) {
      return;
    }
    if (end == h.a) {
      metrics.stockUsed(n);
    }
    if (byId.get(h.id) == h) {
      int had = end == h.a ? h.slotsA : h.slotsB;
      int k = Math.min(n, had);
      ledger.release(Usage.ofStock(model, h.link, end == h.a ? k : 0, end == h.b ? k : 0, 0));
      if (end == h.a) {
        h.slotsA -= k;
      } else {
        h.slotsB -= k;
      }
    }
    if (allocationActive.test(allocation)) {
      int r = ResourceKind.MEMORY.at(end);
      ledger.hold(slots(r, n));
      received.computeIfAbsent(allocation, x -> new HashMap<>()).merge(r, n, Integer::sum);
    }
  }

  /** An allocation ended: the slots it was handed go back to the ledger with it. */
  void allocationEnded(long allocation) {
    Map<Integer, Integer> got = received.remove(allocation);
    if (got != null) {
      got.forEach((r, n) -> ledger.release(slots(r, n)));
    }
  }

  /** Releases every stock (estop, shutdown). */
  void releaseAll(long deadline) {
    for (Holding h : new ArrayList<>(byLink.values())) {
      drop(h, deadline);
    }
    byLink.clear();
  }

  /** Counts pairs heralded into stocks, once per pair (at the link's first end). Any thread. */
  void onEvent(DeviceEvent e) {
    if (e instanceof DeviceEvent.Herald hd && !byId.isEmpty()) {
      Holding h = byId.get(hd.allocation().value());
      if (h != null && devices.device(hd.device()).map(d -> d.node().equals(model.node(h.a).id()))
          .orElse(false)) {
        metrics.pairStocked();
      }
    }
  }

  private void drop(Holding h, long deadline) {
    byId.remove(h.id);
    ledger.release(usage(h));
    commander.release(h.id, List.of(model.node(h.a).id().value(), model.node(h.b).id().value()),
        deadline);
  }

  private void send(Holding h, long deadline) {
    StockCommand c = new StockCommand(h.id, model.node(h.a).id(), model.node(h.b).id(), h.slotsA,
        h.slotsB, model.node(h.generator).id(), h.attempts);
    commander.stock(c, deadline).whenComplete((why, ex) -> {
      String refusal = ex != null ? String.valueOf(ex) : why;
      if (refusal != null) {
        inbox.accept(() -> refused(h, refusal, deadline));
      }
    });
  }

  private void refused(Holding h, String why, long deadline) {
    if (byLink.get(h.link) != h) {
      return;
    }
    LOG.debug("stock on link {} refused: {}", h.link, why);
    byLink.remove(h.link);
    drop(h, deadline);
  }

  private Usage usage(Holding h) {
    return Usage.ofStock(model, h.link, h.slotsA, h.slotsB, h.attempts);
  }

  /**
   * Generation attempts per second that renew a full stock of {@code pairs} about
   * {@link #RENEWALS_PER_COHERENCE} times per coherence time of its shorter-lived end, at most
   * {@link #MAX_GENERATION_SHARE} of the generating node's capacity.
   */
  private double fillAttempts(int link, int pairs) {
    LinkInfo l = model.links().get(link);
    double t = Math.min(model.node(l.a()).map(n -> n.coherenceTimeS()).orElse(1.0),
        model.node(l.b()).map(n -> n.coherenceTimeS()).orElse(1.0));
    double cap = MAX_GENERATION_SHARE * model.node(model.generatingEnd(link)).generationRate()
        / model.generationPerAttempt(link);
    return Math.min(cap, pairs * RENEWALS_PER_COHERENCE / t / l.successProbability());
  }

  private static Usage slots(int memoryResource, int n) {
    return new Usage(new int[] {memoryResource}, new double[] {n}, new boolean[] {false});
  }
}
