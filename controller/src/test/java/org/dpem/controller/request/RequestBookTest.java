package org.dpem.controller.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.dpem.controller.lab.Lab;
import org.dpem.hal.NodeId;
import org.junit.jupiter.api.Test;

class RequestBookTest {
  final List<String> seen = new ArrayList<>();
  final RequestListener recorder = new RequestListener() {
    @Override
    public void admitted(TrackedRequest t) {
      seen.add("admitted " + t.id() + " " + t.state());
    }

    @Override
    public void moved(TrackedRequest t, RequestState from) {
      seen.add("moved " + t.id() + " " + from + "->" + t.state());
    }
  };

  Request.Spec spec(String s, String d) {
    return new Request.Spec(NodeId.of(s), NodeId.of(d), 0.8, 1, 1_000_000_000L, 0);
  }

  @Test
  void terminalStatesAreFinalAndEndedRequestsAreForgottenPastTheRetention() {
    RequestBook b = new RequestBook(Lab.model(3, new int[0][], 10, 5, 10), recorder, 2);
    TrackedRequest[] t = new TrackedRequest[4];
    for (int i = 0; i < 4; i++) {
      t[i] = b.submit(spec("n0", "n1"), 0, new BitSet());
      b.move(t[i], RequestState.EXPIRED, null, "", 5);
    }
    assertThatThrownBy(() -> b.move(t[0], RequestState.DELIVERED, null, "", 6))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("EXPIRED -> DELIVERED");
    assertThat(b.get(1)).isEmpty();
    assertThat(b.get(2)).isEmpty();
    assertThat(b.get(4)).isPresent();
    assertThat(b.all()).hasSize(2);
    assertThat(seen).containsExactly("admitted 1 QUEUED", "moved 1 QUEUED->EXPIRED",
        "admitted 2 QUEUED", "moved 2 QUEUED->EXPIRED", "admitted 3 QUEUED",
        "moved 3 QUEUED->EXPIRED", "admitted 4 QUEUED", "moved 4 QUEUED->EXPIRED");
  }

  @Test
  void restoringALongJournalKeepsOnlyTheRetainedEndedRequestsAndEveryLiveOne() {
    RequestBook b = new RequestBook(Lab.model(3, new int[0][], 10, 5, 10), recorder, 2);
    for (long id = 1; id <= 6; id++) {
      Request r = new Request(id, NodeId.of("n0"), NodeId.of("n1"), 0.8, 1, 0, 1_000_000_000L, 0);
      b.restore(r, id == 3 ? RequestState.ALLOCATED : RequestState.DELIVERED, null, 0, 0);
    }
    assertThat(b.all()).extracting(TrackedRequest::id).containsExactlyInAnyOrder(3L, 5L, 6L);
    assertThat(b.live()).extracting(TrackedRequest::id).containsExactly(3L);
    assertThat(b.nextId()).isEqualTo(7);
  }

  @Test
  void aRequestRejectedAtAdmissionWasNeverLive() {
    RequestBook b = new RequestBook(Lab.model(3, new int[0][], 10, 5, 10), recorder);
    TrackedRequest t = b.submit(new Request.Spec(NodeId.of("n0"), NodeId.of("n2"), 0.8, 1, -1, 0), 0, new BitSet());
    assertThat(t.state()).isEqualTo(RequestState.REJECTED);
    assertThat(t.reason()).isEqualTo(RejectReason.PAST_DEADLINE);
    assertThat(b.live()).isEmpty();
  }
}
