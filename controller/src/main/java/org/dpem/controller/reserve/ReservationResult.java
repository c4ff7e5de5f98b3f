package org.dpem.controller.reserve;

import java.util.List;

/**
 * One epoch's reservation.
 *
 * @param granted confirmed claims, in resolution order
 * @param refused claims that did not fit (their requests stay queued)
 * @param sharedCells (resource, epoch) cells claimed by two or more requests this epoch
 * @param oversubscribedCells cells whose holdings plus this epoch's claims exceed capacity
 * @param claimedCells cells claimed by at least one request or stock claim this epoch
 * @param newOversubscriptions resources over-subscribed this epoch that were not in the previous
 *     epoch they were claimed in: one event per episode, whatever the epoch length
 * @param stocked confirmed stock claims, in the order asked
 */
public record ReservationResult(List<Grant> granted, List<Claim> refused, int sharedCells,
    int oversubscribedCells, int claimedCells, int newOversubscriptions, List<StockGrant> stocked) {
  public ReservationResult {
    granted = List.copyOf(granted);
    refused = List.copyOf(refused);
    stocked = List.copyOf(stocked);
  }
}
