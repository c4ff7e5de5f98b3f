package org.dpem.controller.metrics;

import java.util.List;

/**
 * What a run found damaged in its journal at start, for the summary and the gauges.
 *
 * @param damagedRegions stretches of the file that held no intact record
 * @param damagedBytes their total length
 * @param lostRequests ids of requests whose admission was in a damaged stretch: they may have
 *     been acknowledged and cannot be restored
 * @param idsSkipped how many ids past the highest seen were never handed out, because the damaged
 *     bytes could have held them
 */
public record JournalHealth(int damagedRegions, long damagedBytes, List<Long> lostRequests,
    long idsSkipped) {
  public static final JournalHealth CLEAN = new JournalHealth(0, 0, List.of(), 0);

  public JournalHealth {
    lostRequests = List.copyOf(lostRequests);
  }
}
