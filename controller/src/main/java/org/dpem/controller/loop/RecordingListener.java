package org.dpem.controller.loop;

import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.request.RequestListener;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;

/** Sends request transitions to the metrics and, if there is one, the journal, in that order. */
final class RecordingListener implements RequestListener {
  private final RunMetrics metrics;
  private final Journal journal;

  RecordingListener(RunMetrics metrics, Journal journal) {
    this.metrics = metrics;
    this.journal = journal;
  }

  @Override
  public void admitted(TrackedRequest t) {
    metrics.admitted(t);
    if (journal != null) {
      journal.append(new JournalRecord.Admitted(t.request(), t.state(), t.reason()));
    }
  }

  @Override
  public void moved(TrackedRequest t, RequestState from) {
    metrics.moved(t, from);
    if (journal != null) {
      journal.append(new JournalRecord.Moved(t.id(), t.state(), t.reason(), t.closedNanos()));
    }
  }

  @Override
  public void pairDelivered(TrackedRequest t, double fidelity, long at) {
    metrics.pairDelivered(t, fidelity, at);
    if (journal != null) {
      journal.append(new JournalRecord.Progress(t.id(), t.delivered(),
          t.meanFidelity() * t.delivered()));
    }
  }
}
