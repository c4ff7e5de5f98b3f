package org.dpem.sim.topology;

import java.util.Objects;

/**
 * One trusted node of a simulated network and its equipment. A null source, memory or analyzer
 * means the node has no such device.
 *
 * @param id node id (letters, digits, '_', '.', '-')
 * @param x position, km (used for link lengths by generators; free otherwise)
 * @param y position, km
 * @param source its photon-pair source, or null
 * @param memory its quantum memory (repeater), or null
 * @param analyzer its Bell-state analyzer and detectors, or null
 */
public record NodeSpec(String id, double x, double y, SourceSpec source, MemorySpec memory,
    AnalyzerSpec analyzer) {
  public NodeSpec {
    Objects.requireNonNull(id, "node id");
  }

  /** A node at (x, y) with equipment from {@code t} and the given rate and swap capacity. */
  public static NodeSpec of(String id, double x, double y, NodeTemplate t, double ratePairsPerSecond,
      double swapCapacityPerSecond) {
    return new NodeSpec(id, x, y, new SourceSpec(ratePairsPerSecond, t.sourceFidelity()),
        new MemorySpec(t.memorySlots(), t.coherenceTimeSeconds(), t.t1Seconds(), t.t2Seconds(),
            swapCapacityPerSecond, t.swapSuccessProbability(), t.cutoffSeconds(),
            t.swapErrorProbability()),
        new AnalyzerSpec(t.analyzerEfficiency(), t.detectorEfficiency(), t.darkCountsPerSecond()));
  }

  /**
   * A photon-pair source.
   *
   * @param maxRatePairsPerSecond the most it can emit (its {@code rate} limit), summed over the
   *     allocations it serves at once
   * @param fidelity initial fidelity F0 of its pairs (Werner)
   */
  public record SourceSpec(double maxRatePairsPerSecond, double fidelity) {
    public SourceSpec {
      if (!(maxRatePairsPerSecond >= 0) || Double.isInfinite(maxRatePairsPerSecond)) {
        throw new IllegalArgumentException("source max rate must be finite and >= 0 pairs/s, got "
            + maxRatePairsPerSecond);
      }
      if (!(fidelity >= 0.25 && fidelity <= 1)) {
        throw new IllegalArgumentException("source fidelity must lie in [0.25, 1], got " + fidelity);
      }
    }
  }

  /**
   * A quantum memory with swapping.
   *
   * @param slots number of qubit slots
   * @param coherenceTimeSeconds depolarizing coherence time T of one stored qubit (infinite: none)
   * @param t1Seconds relaxation time for the T1/T2 model (infinite: none); used when t2 > 0
   * @param t2Seconds dephasing time; 0 selects the depolarizing model instead
   * @param swapCapacityPerSecond the most swaps per second
   * @param swapSuccessProbability probability q that one swap (Bell measurement) succeeds
   * @param cutoffSeconds a stored qubit not used within this time is discarded, with its pair
   *     (the usual cutoff policy, so stale halves do not drag fidelity down); 0: no cutoff
   * @param swapErrorProbability gate and measurement error of a swap, as a depolarizing step on
   *     its output: rho -> (1 - e) rho + e I/4; 0: ideal swaps
   */
  public record MemorySpec(int slots, double coherenceTimeSeconds, double t1Seconds,
      double t2Seconds, double swapCapacityPerSecond, double swapSuccessProbability,
      double cutoffSeconds, double swapErrorProbability) {
    /** A memory with ideal swaps. */
    public MemorySpec(int slots, double coherenceTimeSeconds, double t1Seconds, double t2Seconds,
        double swapCapacityPerSecond, double swapSuccessProbability, double cutoffSeconds) {
      this(slots, coherenceTimeSeconds, t1Seconds, t2Seconds, swapCapacityPerSecond,
          swapSuccessProbability, cutoffSeconds, 0);
    }

    /** A memory without cutoff. */
    public MemorySpec(int slots, double coherenceTimeSeconds, double t1Seconds, double t2Seconds,
        double swapCapacityPerSecond, double swapSuccessProbability) {
      this(slots, coherenceTimeSeconds, t1Seconds, t2Seconds, swapCapacityPerSecond,
          swapSuccessProbability, 0, 0);
    }

    public MemorySpec {
      if (!(swapErrorProbability >= 0 && swapErrorProbability <= 1)) {
        throw new IllegalArgumentException("swap error probability must lie in [0, 1], got "
            + swapErrorProbability);
      }
      if (!(cutoffSeconds >= 0)) {
        throw new IllegalArgumentException("cutoff must be >= 0 s (0: none), got " + cutoffSeconds);
      }
      if (slots < 0) {
        throw new IllegalArgumentException("memory slots must be >= 0, got " + slots);
      }
      if (!(coherenceTimeSeconds > 0)) {
        throw new IllegalArgumentException("coherence time must be > 0 s, got " + coherenceTimeSeconds);
      }
      if (!(swapCapacityPerSecond >= 0)) {
        throw new IllegalArgumentException("swap capacity must be >= 0 /s, got " + swapCapacityPerSecond);
      }
      if (!(swapSuccessProbability >= 0 && swapSuccessProbability <= 1)) {
        throw new IllegalArgumentException("swap success probability must lie in [0, 1], got "
            + swapSuccessProbability);
      }
    }

    /** A depolarizing memory. */
    public static MemorySpec depolarizing(int slots, double coherenceTimeSeconds,
        double swapCapacityPerSecond, double swapSuccessProbability) {
      return new MemorySpec(slots, coherenceTimeSeconds, Double.POSITIVE_INFINITY, 0,
          swapCapacityPerSecond, swapSuccessProbability);
    }

    /** The decay channel of one stored qubit. */
    public org.dpem.sim.physics.Decay decay() {
      return t2Seconds > 0 ? new org.dpem.sim.physics.Decay.T1T2(t1Seconds, t2Seconds)
          : new org.dpem.sim.physics.Decay.Depolarizing(coherenceTimeSeconds);
    }
  }

  /**
   * A Bell-state analyzer with its detectors: the heralding station at the receiving end of a
   * link, and the verifier of end-to-end pairs.
   *
   * @param efficiency probability that its Bell (heralding) measurement succeeds
   * @param detectorEfficiency probability that a photon arriving is detected
   * @param darkCountsPerSecond dark count rate of its detectors
   */
  public record AnalyzerSpec(double efficiency, double detectorEfficiency,
      double darkCountsPerSecond) {
    public AnalyzerSpec {
      if (!(efficiency >= 0 && efficiency <= 1) || !(detectorEfficiency >= 0 && detectorEfficiency <= 1)) {
        throw new IllegalArgumentException("analyzer and detector efficiencies must lie in [0, 1], got "
            + efficiency + ", " + detectorEfficiency);
      }
      if (!(darkCountsPerSecond >= 0)) {
        throw new IllegalArgumentException("dark count rate must be >= 0 /s, got " + darkCountsPerSecond);
      }
    }
  }
}
