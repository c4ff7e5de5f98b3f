package org.dpem.controller.loop;

/**
 * What {@link ControlLoop#recover} found in a journal.
 *
 * @param known requests in the journal, now known to the loop
 * @param carriedOver live ones, queued again and counted in this run's metrics
 * @param released allocations the dead process left open, whose device holdings were released
 * @param lostRequests ids of requests whose admission was in a damaged part of the journal
 */
public record Recovered(int known, int carriedOver, int released, java.util.List<Long> lostRequests) {
  public Recovered {
    lostRequests = java.util.List.copyOf(lostRequests);
  }
}
