package org.dpem.sim.topology;

/**
 * Equipment every generated node gets, apart from the per-node generation rate and swap
 * capacity that generators draw from the seed.
 *
 * @param memorySlots slots per memory
 * @param coherenceTimeSeconds depolarizing coherence time of a stored qubit
 * @param t1Seconds T1 for the T1/T2 model (used when t2Seconds > 0)
 * @param t2Seconds T2, or 0 for the depolarizing model
 * @param swapSuccessProbability q per swap
 * @param sourceFidelity F0 of source pairs
 * @param detectorEfficiency eta_d
 * @param analyzerEfficiency eta_a
 * @param darkCountsPerSecond detector dark counts
 * @param cutoffSeconds memory cutoff (0: none), see {@link NodeSpec.MemorySpec}
 * @param swapErrorProbability depolarizing error per swap (0: ideal), see {@link NodeSpec.MemorySpec}
 */
public record NodeTemplate(int memorySlots, double coherenceTimeSeconds, double t1Seconds,
    double t2Seconds, double swapSuccessProbability, double sourceFidelity,
    double detectorEfficiency, double analyzerEfficiency, double darkCountsPerSecond,
    double cutoffSeconds, double swapErrorProbability) {

  /** A template with ideal swaps. */
  public NodeTemplate(int memorySlots, double coherenceTimeSeconds, double t1Seconds,
      double t2Seconds, double swapSuccessProbability, double sourceFidelity,
      double detectorEfficiency, double analyzerEfficiency, double darkCountsPerSecond,
      double cutoffSeconds) {
    this(memorySlots, coherenceTimeSeconds, t1Seconds, t2Seconds, swapSuccessProbability,
        sourceFidelity, detectorEfficiency, analyzerEfficiency, darkCountsPerSecond, cutoffSeconds, 0);
  }

  /**
   * The defaults used for the paper's network: 10 slots, 1 s depolarizing coherence, q = 0.9,
   * F0 = 0.95, detector 0.9, analyzer 0.5 (linear optics), no dark counts, no cutoff.
   */
  public static NodeTemplate defaults() {
    return new NodeTemplate(10, 1.0, Double.POSITIVE_INFINITY, 0, 0.9, 0.95, 0.9, 0.5, 0, 0);
  }

  public NodeTemplate withSlots(int slots) {
    return new NodeTemplate(slots, coherenceTimeSeconds, t1Seconds, t2Seconds,
        swapSuccessProbability, sourceFidelity, detectorEfficiency, analyzerEfficiency,
        darkCountsPerSecond, cutoffSeconds, swapErrorProbability);
  }

  public NodeTemplate withCoherence(double seconds) {
    return new NodeTemplate(memorySlots, seconds, t1Seconds, t2Seconds, swapSuccessProbability,
        sourceFidelity, detectorEfficiency, analyzerEfficiency, darkCountsPerSecond, cutoffSeconds,
        swapErrorProbability);
  }

  public NodeTemplate withCutoff(double seconds) {
    return new NodeTemplate(memorySlots, coherenceTimeSeconds, t1Seconds, t2Seconds,
        swapSuccessProbability, sourceFidelity, detectorEfficiency, analyzerEfficiency,
        darkCountsPerSecond, seconds, swapErrorProbability);
  }

  public NodeTemplate withSwapError(double e) {
    return new NodeTemplate(memorySlots, coherenceTimeSeconds, t1Seconds, t2Seconds,
        swapSuccessProbability, sourceFidelity, detectorEfficiency, analyzerEfficiency,
        darkCountsPerSecond, cutoffSeconds, e);
  }
}
