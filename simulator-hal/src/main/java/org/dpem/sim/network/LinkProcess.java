package org.dpem.sim.network;

import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.sim.engine.SimAction;
import org.dpem.sim.physics.BellDiagonal;
import org.dpem.sim.physics.Detection;

/**
 * Link-pair generation for one enabled (source, allocation, peer): the source at node u emits
 * pairs as a Poisson process; one photon of each pair is stored at u, the other travels the
 * fibre to v, where it survives (eta), is detected (eta_d) and the heralding Bell measurement
 * succeeds (eta_a); a dark click in the window can fake a herald. The pair exists once v
 * heralds (one-way delay after emission); u learns it a further delay later. u's half decays
 * from emission, v's from arrival.
 *
 * <p>Emission needs, at that moment: the link up, u's memory reserved for the allocation with
 * v as a peer, v's memory reserved with u as a peer, and v's analyzer armed for (allocation,
 * u); all devices usable. The herald needs a free slot on the right side at both ends,
 * otherwise the pair is dropped. Attempts in flight do not hold slots (a simplification: at
 * lab rates and metro lengths less than 1e-3 slots are in flight).
 */
final class LinkProcess implements SimAction {
  private static final long EMIT = 0;
  private static final long HERALD = 1;
  private static final long FALSE_HERALD = 2;

  private final SimNetwork net;
  private final SimPairSource source;
  final AllocationId allocation;
  final NodeId peer;
  final double rate;
  private final SimLink link;
  private final SimQuantumMemory memU;
  private final SimQuantumMemory memV;
  private final SimBellStateAnalyzer analyzerV;
  private final double meanGapNanos;
  private boolean active;
  private long resolvedVersion = -1;
  private boolean ready;
  private double pTrue;
  private double pFalse;
  /** The state of a good pair at herald: F0, with u's half decayed over the flight time. */
  private BellDiagonal heraldState;
  private BellDiagonal falseHeraldState;
  private Reservation resU;
  private Reservation resV;
  private int sideU;
  private int sideV;

  LinkProcess(SimNetwork net, SimPairSource source, AllocationId allocation, NodeId peer,
      double rate, SimLink link) {
    this.net = net;
    this.source = source;
    this.allocation = allocation;
    this.peer = peer;
    this.rate = rate;
    this.link = link;
    this.memU = net.memoryAt(source.node());
    this.memV = net.memoryAt(peer);
    this.analyzerV = net.analyzerAt(peer);
    this.meanGapNanos = 1e9 / rate;
  }

  void start() {
    active = true;
    scheduleEmission();
  }

  void stop() {
    active = false;
  }

  private void scheduleEmission() {
    double u = source.random.nextDouble();
    // Math.log is an intrinsic, log1p is not; 1 - u lies in (0, 1]
    long gap = (long) (-Math.log(1.0 - u) * meanGapNanos);
    net.engine().schedule(gap, this, EMIT);
  }

  @Override
  public void fire(long kind) {
    if (kind == EMIT) {
      emit();
    } else {
      herald(kind == FALSE_HERALD);
    }
  }

  private void emit() {
    if (!active) {
      return;
    }
    scheduleEmission();
    net.stats().attempt();
    if (resolvedVersion != net.configVersion()) {
      resolve();
    }
    if (!ready) {
      return;
    }
    double u = source.random.nextDouble();
    if (u < pTrue) {
      net.engine().schedule(link.delayNanos(), this, HERALD);
    } else if (u < pTrue + pFalse) {
      net.engine().schedule(link.delayNanos(), this, FALSE_HERALD);
    }
  }

  private void resolve() {
    resolvedVersion = net.configVersion();
    NodeId u = source.node();
    double window = analyzerV == null ? Double.NaN : analyzerV.armedWindow(allocation, u);
    resU = memU == null ? null : memU.reservation(allocation);
    resV = memV == null ? null : memV.reservation(allocation);
    sideU = resU == null ? -1 : resU.sideIndex(peer);
    sideV = resV == null ? -1 : resV.sideIndex(u);
    // every change of device state, reservation, arm or link bumps the network's config version,
    // so these cached references stay valid until the next resolve
    ready = link.up && source.usable() && memU != null && memV != null && !Double.isNaN(window)
        && memU.usable() && memV.usable() && sideU >= 0 && sideV >= 0;
    if (ready) {
      var a = analyzerV.spec();
      pTrue = Detection.heraldProbability(link.transmissivity(), a.detectorEfficiency(), a.efficiency());
      pFalse = Detection.falseHeraldProbability(link.transmissivity(), a.detectorEfficiency(),
          a.efficiency(), Detection.darkClickProbability(a.darkCountsPerSecond(), window));
      // u's half has waited in memory during the photon's flight; v's half is stored just now
      double flight = link.delayNanos() / 1e9;
      heraldState = memU.decay().apply(BellDiagonal.werner(source.fidelity()), flight);
      falseHeraldState = memU.decay().apply(BellDiagonal.MIXED, flight);
    }
  }

  private void herald(boolean isFalse) {
    if (resolvedVersion != net.configVersion()) {
      resolve();
    }
    if (!ready) {
      return;
    }
    NodeId u = source.node();
    if ((!resU.hasRoom(sideU) && !memU.makeRoom(resU, sideU))
        || (!resV.hasRoom(sideV) && !memV.makeRoom(resV, sideV))) {
      net.stats().dropNoSlot();
      return;
    }
    long now = net.engine().now();
    long d = link.delayNanos();
    net.stats().heralded(isFalse);
    BellDiagonal state = isFalse ? falseHeraldState : heraldState;
    Half hu = new Half(memU, resU, peer, sideU, now + d);
    Half hv = new Half(memV, resV, u, sideV, now);
    memU.store(hu);
    memV.store(hv);
    Pair p = new Pair(net, state, now, hu, hv, now + d, link.lengthKm());
    if (net.engine().tracing()) {
      net.engine().note("herald " + u + "-" + peer + " " + allocation, state.fidelity());
    }
    net.engine().schedule(d, hu, 0);
    net.engine().scheduleAt(now + d, p, 0);
    memV.onHeraldKnown(hv);
  }
}
