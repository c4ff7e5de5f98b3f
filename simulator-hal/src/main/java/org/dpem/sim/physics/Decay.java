package org.dpem.sim.physics;

/**
 * How one stored qubit decoheres: a Pauli channel whose strength depends on the storage time
 * only. Channels of this kind commute and compose over time, so decay can be applied lazily:
 * keep the state at one reference time and apply the channel for the elapsed time on use.
 */
public sealed interface Decay {
  /** The state after the qubit this channel acts on was stored for {@code seconds}. */
  BellDiagonal apply(BellDiagonal state, double seconds);

  /** A qubit that does not decay (photons in flight, or ideal memories). */
  Decay NONE = new Depolarizing(Double.POSITIVE_INFINITY);

  /**
   * Depolarizing memory with coherence time {@code t}: survival exp(-s/T) per stored half, so a
   * Werner pair with k decaying halves has F(s) = 1/4 + (F0 - 1/4) exp(-k s / T).
   */
  record Depolarizing(double coherenceSeconds) implements Decay {
    public Depolarizing {
      if (!(coherenceSeconds > 0)) {
        throw new IllegalArgumentException("coherence time must be > 0 s, got " + coherenceSeconds);
      }
    }

    @Override
    public BellDiagonal apply(BellDiagonal state, double seconds) {
      if (seconds <= 0 || Double.isInfinite(coherenceSeconds)) {
        return state;
      }
      return state.depolarize(Math.exp(-seconds / coherenceSeconds));
    }

    /** exp(-s / T), the survival after {@code seconds}. */
    public double survival(double seconds) {
      return Double.isInfinite(coherenceSeconds) ? 1 : Math.exp(-seconds / coherenceSeconds);
    }
  }

  /**
   * Relaxation (T1) and dephasing (T2) on one qubit, as the Pauli channel with pX = pY =
   * (1 - e^{-s/T1}) / 4 and pZ = (1 + e^{-s/T1} - 2 e^{-s/T2}) / 4 (the Pauli twirl of amplitude
   * damping plus dephasing). On Phi+ this gives F = [1 + e^{-s/T1} + 2 e^{-s/T2}] / 4. Physical
   * only for T2 <= 2 T1.
   */
  record T1T2(double t1Seconds, double t2Seconds) implements Decay {
    public T1T2 {
      if (!(t1Seconds > 0) || !(t2Seconds > 0)) {
        throw new IllegalArgumentException("T1 and T2 must be > 0 s, got " + t1Seconds + ", " + t2Seconds);
      }
      if (t2Seconds > 2 * t1Seconds) {
        throw new IllegalArgumentException("T2 (" + t2Seconds + " s) must not exceed 2 T1 ("
            + 2 * t1Seconds + " s)");
      }
    }

    @Override
    public BellDiagonal apply(BellDiagonal state, double seconds) {
      if (seconds <= 0) {
        return state;
      }
      double e1 = Double.isInfinite(t1Seconds) ? 1 : Math.exp(-seconds / t1Seconds);
      double e2 = Math.exp(-seconds / t2Seconds);
      double pxy = (1 - e1) / 4;
      double pz = Math.max(0, (1 + e1 - 2 * e2) / 4);
      return state.pauli(pxy, pxy, pz);
    }
  }

  /** Werner fidelity after {@code seconds} with {@code k} halves depolarizing at coherence {@code t}. */
  static double wernerFidelity(double f0, int k, double seconds, double t) {
    return 0.25 + (f0 - 0.25) * Math.exp(-k * seconds / t);
  }
}
