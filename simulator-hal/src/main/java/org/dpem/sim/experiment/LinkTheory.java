package org.dpem.sim.experiment;

import org.dpem.sim.physics.Detection;
import org.dpem.sim.physics.Fibre;

/**
 * Closed-form expectations for the link and chain experiments, written from the physics and the
 * timing model independently of the simulation code, so a user sees both and tests compare them.
 *
 * <p>Timing of one link pair (emission at t, one-way delay tau): the source node's half is
 * stored from t, the receiving node's from t + tau when it heralds; the source node learns at
 * t + 2 tau, which is when a one-hop pair is delivered. So at delivery the pair has decayed for
 * 3 tau of qubit-time: F = 1/4 + (F0 - 1/4) exp(-3 tau / T).
 */
public final class LinkTheory {
  private LinkTheory() {}

  /** Heralds per second: r eta eta_d eta_a, plus false heralds from dark counts if any. */
  public static double heraldRate(LinkParams p) {
    return p.sourceRatePairsPerSecond() * (trueHeraldProbability(p) + falseHeraldProbability(p));
  }

  public static double trueHeraldProbability(LinkParams p) {
    return Detection.heraldProbability(eta(p), p.detectorEfficiency(), p.analyzerEfficiency());
  }

  public static double falseHeraldProbability(LinkParams p) {
    return Detection.falseHeraldProbability(eta(p), p.detectorEfficiency(), p.analyzerEfficiency(),
        Detection.darkClickProbability(p.darkCountsPerSecond(), p.windowSeconds()));
  }

  public static double eta(LinkParams p) {
    return Fibre.transmissivity(p.lengthKm(), p.attenuationDbPerKm());
  }

  /** Mean fidelity of one-hop pairs at delivery (false heralds count as 1/4). */
  public static double fidelityAtHerald(LinkParams p) {
    double tau = Fibre.delayNanos(p.lengthKm()) / 1e9;
    double f = 0.25 + (p.sourceFidelity() - 0.25) * Math.exp(-3 * tau / p.coherenceTimeSeconds());
    double pt = trueHeraldProbability(p);
    double pf = falseHeraldProbability(p);
    return (pt * f + pf * 0.25) / (pt + pf);
  }

  /** A pair of fidelity f held for {@code seconds} in two depolarizing memories. */
  public static double afterHold(double f, double seconds, double coherenceSeconds) {
    return 0.25 + (f - 0.25) * Math.exp(-2 * seconds / coherenceSeconds);
  }

  /**
   * Mean end-to-end fidelity of a two-hop chain (one repeater, one slot per side, sources at the
   * left end of each link, no dark counts). With herald rate lambda per link, the two links'
   * readiness at the repeater differs by D = E1 - E2 - tau (E exponential, rate lambda): the
   * right link's pair is known at the repeater one delay later than the left one's. The
   * delivered pair has decayed for 2|D| + 6 tau of qubit-time, so
   * F = 1/4 + (3/4) w0^2 exp(-6 tau/T) E[exp(-(2/T)|D|)], the last factor in closed form for a
   * Laplace variable shifted by tau.
   */
  public static double twoHopFidelity(LinkParams p) {
    double tau = Fibre.delayNanos(p.lengthKm()) / 1e9;
    double t = p.coherenceTimeSeconds();
    double lambda = p.sourceRatePairsPerSecond() * trueHeraldProbability(p);
    double s = 2 / t;
    double below = lambda / 2 * Math.exp(-s * tau) / (lambda + s);
    double between = Math.abs(s - lambda) < 1e-12
        ? lambda / 2 * Math.exp(-s * tau) * tau
        : lambda / 2 * Math.exp(-s * tau) * Math.expm1((s - lambda) * tau) / (s - lambda);
    double above = lambda / 2 * Math.exp(-lambda * tau) / (lambda + s);
    double w0 = (4 * p.sourceFidelity() - 1) / 3;
    return 0.25 + 0.75 * w0 * w0 * Math.exp(-6 * tau / t) * (below + between + above);
  }

  /**
   * Estimate for an n-hop chain ignoring waiting: every link ready at the same moment, each pair
   * decayed for its 3 tau of heralding, swap law w = product of w.
   */
  public static double chainFidelityNoWait(LinkParams p, int hops) {
    double tau = Fibre.delayNanos(p.lengthKm()) / 1e9;
    double w0 = (4 * p.sourceFidelity() - 1) / 3;
    double w = Math.pow(w0 * Math.exp(-3 * tau / p.coherenceTimeSeconds()), hops);
    return 0.25 + 0.75 * w;
  }
}
