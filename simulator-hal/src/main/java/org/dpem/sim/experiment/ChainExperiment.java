package org.dpem.sim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dpem.hal.AllocationId;
import org.dpem.sim.engine.EventTrace;
import org.dpem.sim.network.SimNetwork;

/**
 * {@code dpem simulate link} and {@code dpem simulate chain}: a chain of {@code hops} identical
 * links (one hop is a single link), one allocation commanded through the HAL, sources running
 * for the duration; every delivered end-to-end pair is read once at delivery and once after
 * the hold time. The result carries both the simulated figures and the closed-form ones.
 *
 * <p>Wall time is measured with {@link System#nanoTime()} for the report only; the simulation
 * itself never reads a clock.
 *
 * @param params per-link parameters
 * @param hops number of links (1 = {@code simulate link})
 * @param slotsPerSide memory slots per link side (ends have one side, repeaters two)
 * @param swapSuccess q per swap
 * @param swapCapacityPerSecond swap rate limit of each repeater
 */
public record ChainExperiment(LinkParams params, int hops, int slotsPerSide, double swapSuccess,
    double swapCapacityPerSecond) {

  public ChainExperiment {
    if (hops < 1) {
      throw new IllegalArgumentException("hops must be >= 1, got " + hops);
    }
    if (slotsPerSide < 1) {
      throw new IllegalArgumentException("slots per side must be >= 1, got " + slotsPerSide);
    }
  }

  /**
   * One link with enough slots that no herald is dropped for want of one (pairs occupy slots
   * only while their herald travels back).
   */
  public static ChainExperiment link(LinkParams p) {
    double inFlight = LinkTheory.heraldRate(p) * 2 * p.lengthKm() * 5e-6;
    return new ChainExperiment(p, 1, (int) Math.min(1 << 16, 32 + Math.ceil(20 * inFlight)), 1, 1);
  }

  /** The measured figures of one run. */
  public record Result(double simulatedSeconds, double wallSeconds, long events, long attempts,
      long heralded, long delivered, double meanFidelity, double meanFidelityAfterHold,
      double fidelityStdDev, long swaps, long successfulSwaps, long droppedNoSlot) {
    public double eventsPerSecond() {
      return wallSeconds > 0 ? events / wallSeconds : Double.NaN;
    }
  }

  public Result run() {
    return run(null);
  }

  /** Runs with an optional trace (for determinism checks). */
  public Result run(EventTrace trace) {
    SimNetwork net = ChainSetup.network(
        ChainSetup.topology(params, hops, slotsPerSide, swapSuccess, swapCapacityPerSecond), params.seed());
    if (trace != null) {
      net.engine().trace(trace);
    }
    long hold = Math.round(params.holdSeconds() * 1e9);
    // sums[0]: fidelity, [1]: after hold, [2]: count, [3]: Welford's M2 about the running mean
    double[] sums = new double[4];
    net.addPairSink((pair, e) -> {
      double before = sums[2] == 0 ? 0 : sums[0] / sums[2];
      sums[0] += e.fidelity();
      sums[2]++;
      sums[3] += (e.fidelity() - before) * (e.fidelity() - sums[0] / sums[2]);
      net.engine().schedule(hold, x -> sums[1] += pair.fidelityAt(net.engine().now()), 0);
    });
    AllocationId a = AllocationId.of(1);
    long start = System.nanoTime();
    ChainSetup.allocate(net, a, hops, slotsPerSide, params.sourceRatePairsPerSecond(), params.windowSeconds());
    long end = Math.round(params.durationSeconds() * 1e9);
    net.engine().runUntil(end);
    ChainSetup.stopSources(net, a, hops);
    // let heralds and swap outcomes in flight land, and every hold finish
    net.engine().runUntil(end + hold + 4L * hops * Math.round(params.lengthKm() * 5_000) + 1);
    double wall = (System.nanoTime() - start) / 1e9;
    var s = net.stats();
    long n = (long) sums[2];
    return new Result(params.durationSeconds(), wall, net.engine().eventsFired(), s.attempts(),
        s.heralded(), n, n == 0 ? Double.NaN : sums[0] / n, n == 0 ? Double.NaN : sums[1] / n,
        n < 2 ? Double.NaN : Math.sqrt(Math.max(0, sums[3] / (n - 1))),
        s.swaps(), s.successfulSwaps(), s.droppedNoSlot());
  }

  /** The JSON fields of {@code dpem simulate}: measured, then expected from the closed form. */
  public Map<String, Object> report(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hops", hops);
    m.put("seed", params.seed());
    m.put("simulated_seconds", r.simulatedSeconds());
    m.put("wall_seconds", r.wallSeconds());
    m.put("events", r.events());
    m.put("events_per_second", r.eventsPerSecond());
    m.put("attempts", r.attempts());
    m.put("heralded", r.heralded());
    m.put("heralded_per_second", r.heralded() / r.simulatedSeconds() / hops);
    m.put("delivered", r.delivered());
    m.put("delivered_per_second", r.delivered() / r.simulatedSeconds());
    m.put("mean_fidelity", r.meanFidelity());
    m.put("mean_fidelity_after_hold", r.meanFidelityAfterHold());
    m.put("fidelity_stddev", r.fidelityStdDev());
    m.put("dropped_no_slot", r.droppedNoSlot());
    if (hops > 1) {
      m.put("swaps", r.swaps());
      m.put("successful_swaps", r.successfulSwaps());
    }
    m.put("transmissivity", LinkTheory.eta(params));
    m.put("expected_attempts", params.sourceRatePairsPerSecond() * params.durationSeconds() * hops);
    m.put("expected_heralded_per_second", LinkTheory.heraldRate(params));
    if (hops == 1) {
      double f = LinkTheory.fidelityAtHerald(params);
      m.put("expected_mean_fidelity", f);
      m.put("expected_mean_fidelity_after_hold",
          LinkTheory.afterHold(f, params.holdSeconds(), params.coherenceTimeSeconds()));
    } else if (hops == 2 && slotsPerSide == 1 && params.darkCountsPerSecond() == 0) {
      double f = LinkTheory.twoHopFidelity(params);
      m.put("expected_mean_fidelity", f);
      m.put("expected_mean_fidelity_after_hold",
          LinkTheory.afterHold(f, params.holdSeconds(), params.coherenceTimeSeconds()));
    } else {
      m.put("expected_mean_fidelity_without_waiting", LinkTheory.chainFidelityNoWait(params, hops));
    }
    return m;
  }
}
