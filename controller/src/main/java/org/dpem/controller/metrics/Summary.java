package org.dpem.controller.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.dpem.controller.request.RejectReason;

/**
 * The run's summary statistics, ARCHITECTURE.md's definitions.
 *
 * @param requests requests that arrived (accepted and rejected)
 * @param queued requests still QUEUED
 * @param allocated requests still ALLOCATED
 * @param delivered requests DELIVERED
 * @param expired requests EXPIRED
 * @param failed requests FAILED
 * @param rejected requests REJECTED (at admission, or cancelled)
 * @param pairsRequested pairs asked for by every request that arrived, rejected ones included
 * @param pairsDelivered pairs delivered at or above the floor before the deadline
 * @param deliveryRate pairsDelivered / pairsRequested (all requests)
 * @param contentionEvents conflicts, not sharing: requests whose claims were refused or cut for
 *     lack of capacity, or that waited with no candidate path able to take them (once per
 *     request until it is served), plus episodes of over-subscribed resources, plus allocations
 *     preempted and re-rates refused or cut. Counted per conflict, not per epoch, so the epoch
 *     length does not change it for the same decisions
 * @param contentionPer1000 contention events per 1,000 requests
 * @param oversubscribedCells (resource, epoch) cells whose holdings plus that epoch's claims
 *     exceeded capacity
 * @param waste 1 - (resources held by allocations, weighted by the share of their pairs that
 *     were delivered) / (resources held)
 * @param meanFidelity mean fidelity of delivered pairs (NaN if none)
 * @param p5Fidelity 5th percentile of delivered pairs' fidelity (NaN if none)
 * @param latencyP50S median arrival-to-delivery time of DELIVERED requests, seconds (NaN if none)
 * @param latencyP99S 99th percentile of the same
 * @param jainFairness Jain's index over source nodes of their delivery rates (1 = all equal)
 * @param lowFidelityPairs pairs that arrived below their request's floor (not counted delivered)
 * @param rejectedByReason REJECTED requests by reason, in the reasons' declared order
 * @param pairsAdmitted pairs asked for by accepted requests
 * @param deliveryRateAdmitted pairsDelivered / pairsAdmitted
 * @param sharedCells (resource, epoch) cells claimed by two or more requests in one epoch:
 *     sharing, whether or not capacity sufficed (this grows with the epoch length)
 * @param stockedPairs link pairs heralded into stock holdings
 * @param stockedPairsUsed stocked pairs handed over to an allocation
 * @param stockedPairsWasted stocked pairs never handed over (replaced by fresher ones, discarded
 *     with their stock, or still in stock at the end): {@code stockedPairs - stockedPairsUsed}
 */
public record Summary(long requests, long queued, long allocated, long delivered, long expired,
    long failed, long rejected, long pairsRequested, long pairsDelivered, double deliveryRate,
    long contentionEvents, double contentionPer1000, long oversubscribedCells, double waste,
    double meanFidelity, double p5Fidelity, double latencyP50S, double latencyP99S,
    double jainFairness, long lowFidelityPairs, Map<RejectReason, Long> rejectedByReason,
    long pairsAdmitted, double deliveryRateAdmitted, long sharedCells,
    long stockedPairs, long stockedPairsUsed, long stockedPairsWasted) {
  public Summary {
    rejectedByReason = Collections.unmodifiableMap(new EnumMap<>(rejectedByReason));
  }
}
