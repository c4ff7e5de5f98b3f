package org.dpem.controller.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dpem.controller.loop.PolicyChange;
import org.dpem.controller.metrics.Summary;

/**
 * What {@code dpem run} reports: the summary statistics, the upper bound, and the run's cost.
 *
 * @param policy the policy in force at the end of the run
 * @param wallSeconds host time the run took, the upper bound's solve included
 * @param upperBoundSolveSeconds host time of the bound's solve (NaN when it was skipped)
 * @param upperBoundPairs the LP bound on delivered pairs for the same requests and capacities
 * @param upperBoundMethod how the bound was computed ({@code lp}, {@code lagrangian-dual})
 * @param recoveredRequests live requests this run carried over from its journal (0 for a fresh run)
 * @param epochP50Micros median computing time of one epoch (NaN unless measured)
 * @param epochP99Micros 99th percentile of the same
 * @param policy the policy in force at the end of the run
 * @param policyChanges operator switches of the policy during the run, oldest first
 * @param upperBoundNote why the bound took a looser form, if it did (empty otherwise)
 * @param peakLoadOverBound pairs offered (accepted) at the workload cycle's peak over the bound's
 *     pairs for those requests (NaN without a cycle or a bound)
 * @param journal what the journal replay found damaged at start
 */
public record RunReport(String policy, long seed, String scenario, double simulatedSeconds,
    double wallSeconds, long epochs, Summary summary, double upperBoundPairs,
    String upperBoundMethod, double upperBoundSolveSeconds, int recoveredRequests,
    long simulatorEvents, double epochP50Micros,
    double epochP99Micros, List<PolicyChange> policyChanges, String upperBoundNote,
    double peakLoadOverBound, org.dpem.controller.metrics.JournalHealth journal) {

  public RunReport {
    policyChanges = List.copyOf(policyChanges);
  }

  /** Pairs delivered over the upper bound's pairs (NaN without a bound). */
  public double fractionOfBound() {
    return upperBoundPairs > 0 ? summary.pairsDelivered() / upperBoundPairs
        : upperBoundPairs == 0 ? 0 : Double.NaN;
  }

  public double deliveredPairsPerSecond() {
    return simulatedSeconds <= 0 ? 0 : summary.pairsDelivered() / simulatedSeconds;
  }

  public double upperBoundPairsPerSecond() {
    return simulatedSeconds <= 0 ? 0 : upperBoundPairs / simulatedSeconds;
  }

  /** The report as ordered JSON fields (snake_case); NaN becomes null. */
  public Map<String, Object> fields() {
    Summary s = summary;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policy", policy);
    if (!policyChanges.isEmpty()) {
      List<Map<String, Object>> changes = new ArrayList<>();
      for (PolicyChange c : policyChanges) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("epoch", c.epoch());
        e.put("time_s", c.timeSeconds());
        e.put("from", c.from());
        e.put("to", c.to());
        changes.add(e);
      }
      m.put("policy_changes", changes);
    }
    m.put("seed", seed);
    m.put("scenario", scenario);
    m.put("simulated_seconds", num(simulatedSeconds));
    m.put("wall_seconds", num(wallSeconds));
    m.put("epochs", epochs);
    m.put("requests", s.requests());
    m.put("recovered_requests", recoveredRequests);
    Map<String, Object> damage = new LinkedHashMap<>();
    damage.put("regions", journal.damagedRegions());
    damage.put("bytes", journal.damagedBytes());
    damage.put("lost_requests", journal.lostRequests());
    damage.put("ids_skipped", journal.idsSkipped());
    m.put("journal_damage", damage);
    m.put("delivered", s.delivered());
    m.put("expired", s.expired());
    m.put("failed", s.failed());
    m.put("rejected", s.rejected());
    m.put("live_at_end", s.queued() + s.allocated());
    m.put("pairs_requested", s.pairsRequested());
    m.put("pairs_admitted", s.pairsAdmitted());
    m.put("pairs_delivered", s.pairsDelivered());
    m.put("delivery_rate", num(s.deliveryRate()));
    m.put("delivery_rate_admitted", num(s.deliveryRateAdmitted()));
    m.put("delivered_pairs_per_s", num(deliveredPairsPerSecond()));
    m.put("upper_bound_pairs", num(upperBoundPairs));
    m.put("upper_bound_pairs_per_s", num(upperBoundPairsPerSecond()));
    m.put("fraction_of_bound", num(fractionOfBound()));
    m.put("upper_bound_delivery_rate", num(s.pairsRequested() == 0 ? 0 : upperBoundPairs / s.pairsRequested()));
    m.put("contention_events", s.contentionEvents());
    m.put("contention_per_1000_requests", num(s.contentionPer1000()));
    m.put("oversubscribed_cells", s.oversubscribedCells());
    m.put("shared_cells", s.sharedCells());
    m.put("waste", num(s.waste()));
    m.put("mean_fidelity", num(s.meanFidelity()));
    m.put("p5_fidelity", num(s.p5Fidelity()));
    m.put("latency_p50_s", num(s.latencyP50S()));
    m.put("latency_p99_s", num(s.latencyP99S()));
    m.put("jain_fairness", num(s.jainFairness()));
    m.put("low_fidelity_pairs", s.lowFidelityPairs());
    Map<String, Long> byReason = new LinkedHashMap<>();
    s.rejectedByReason().forEach((r, n) -> byReason.put(r.name().toLowerCase(Locale.ROOT), n));
    m.put("rejected_by_reason", byReason);
    m.put("stocked_pairs", s.stockedPairs());
    m.put("stocked_pairs_used", s.stockedPairsUsed());
    m.put("stocked_pairs_wasted", s.stockedPairsWasted());
    m.put("upper_bound_method", upperBoundMethod);
    m.put("upper_bound_solve_seconds", num(upperBoundSolveSeconds));
    m.put("peak_load_over_bound", num(peakLoadOverBound));
    if (!upperBoundNote.isEmpty()) {
      m.put("upper_bound_note", upperBoundNote);
    }
    m.put("simulator_events", simulatorEvents);
    m.put("epoch_p50_us", num(epochP50Micros));
    m.put("epoch_p99_us", num(epochP99Micros));
    return m;
  }

  private static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
