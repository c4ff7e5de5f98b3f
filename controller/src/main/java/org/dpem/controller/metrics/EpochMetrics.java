package org.dpem.controller.metrics;

/**
 * What happened in one control epoch, as deltas: the same numbers every policy is judged by, so a
 * learning policy's observations and rewards come from here too.
 *
 * @param epoch the epoch these numbers describe
 * @param arrived requests that arrived (accepted or not)
 * @param rejected requests refused at admission
 * @param pairsRequested pairs asked for by requests that arrived, rejected ones included
 * @param pairsDelivered pairs delivered at or above the floor before the deadline
 * @param delivered requests that reached DELIVERED
 * @param expired requests that reached EXPIRED
 * @param failed requests that reached FAILED
 * @param contentionEvents conflicts counted this epoch ({@link Summary#contentionEvents})
 * @param sharedCells (resource, epoch) cells claimed by two or more requests
 * @param oversubscribedCells cells whose claims exceeded what was free
 * @param granted claims confirmed
 * @param refused claims refused
 * @param resourceShareHeld sum over resources of held / capacity over the epoch (resource-epochs)
 * @param fidelitySum sum of the delivered pairs' fidelities (mean = fidelitySum / pairsDelivered)
 * @param stockedPairs link pairs stocked this epoch
 * @param stockedPairsUsed stocked pairs handed over to allocations this epoch (summed over a
 *     run, stocked minus used is {@link Summary#stockedPairsWasted})
 */
public record EpochMetrics(long epoch, int arrived, int rejected, long pairsRequested,
    long pairsDelivered, int delivered, int expired, int failed, int contentionEvents,
    int sharedCells, int oversubscribedCells, int granted, int refused, double resourceShareHeld,
    double fidelitySum, long stockedPairs, long stockedPairsUsed) {

  public static final EpochMetrics NONE = new EpochMetrics(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Delivery minus a contention penalty: the reward shape ARCHITECTURE.md names. */
  public double reward(double contentionPenalty) {
    return pairsDelivered - contentionPenalty * contentionEvents;
  }
}
