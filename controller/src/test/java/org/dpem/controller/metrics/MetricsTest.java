package org.dpem.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.BitSet;
import java.util.Map;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.request.RejectReason;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestBook;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.hal.NodeId;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void quantilesAreNearestRank() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(RunMetrics.quantile(v, 0.5)).isEqualTo(5);
    assertThat(RunMetrics.quantile(v, 0.99)).isEqualTo(10);
    assertThat(RunMetrics.quantile(v, 0.05)).isEqualTo(1);
    assertThat(RunMetrics.quantile(new double[0], 0.5)).isNaN();
  }

  @Test
  void epochDeltasResetAndTotalsAccumulate() {
    RunMetrics m = new RunMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    EpochMetrics e1 = m.closeEpoch(0, 3, 7, 1, 2, 1, 0.5);
    EpochMetrics e2 = m.closeEpoch(1, 0, 0, 0, 0, 0, 0);
    assertThat(e1.contentionEvents()).isEqualTo(3);
    assertThat(e1.sharedCells()).isEqualTo(7);
    assertThat(e2.contentionEvents()).isZero();
    assertThat(m.summary().contentionEvents()).isEqualTo(3);
    assertThat(m.summary().sharedCells()).isEqualTo(7);
    m.allocationEnded(2.0, 0.5);
    m.allocationEnded(2.0, 0.0);
    assertThat(m.summary().waste()).isCloseTo(0.75, within(1e-12));
    assertThat(m.summary().jainFairness()).isNaN();
  }

  @Test
  void rejectionsAreCountedByReasonAtAdmissionAndOnCancel() {
    PrometheusMeterRegistry reg = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RunMetrics m = new RunMetrics(reg);
    RequestBook b = new RequestBook(Lab.model(3, new int[0][], 10, 5, 10), m);
    BitSet none = new BitSet();
    b.submit(new Request.Spec(NodeId.of("n0"), NodeId.of("n2"), 0.8, 1, -1, 0), 0, none);
    b.submit(new Request.Spec(NodeId.of("n0"), NodeId.of("n2"), 0.8, 1, -2, 0), 0, none);
    TrackedRequest live = b.submit(new Request.Spec(NodeId.of("n0"), NodeId.of("n2"), 0.8, 1,
        1_000_000_000L, 0), 0, none);
    b.move(live, RequestState.REJECTED, RejectReason.CANCELLED, "by operator", 1);

    Summary s = m.summary();
    assertThat(s.rejected()).isEqualTo(3);
    // rejected requests' pairs count in the delivery rate's denominator, not in the admitted one
    assertThat(s.pairsRequested()).isEqualTo(3);
    assertThat(s.pairsAdmitted()).isEqualTo(1);
    assertThat(s.rejectedByReason()).containsExactly(
        Map.entry(RejectReason.PAST_DEADLINE, 2L), Map.entry(RejectReason.CANCELLED, 1L));
    assertThat(reg.counter("dpem.requests.rejected", "reason", "past_deadline").count())
        .isEqualTo(2.0);
  }

  @Test
  void thePrometheusEndpointServesTheRegistryOnLoopback() throws Exception {
    PrometheusMeterRegistry reg = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RunMetrics m = new RunMetrics(reg);
    m.closeEpoch(0, 4, 0, 0, 0, 0, 0);
    try (PrometheusEndpoint ep = new PrometheusEndpoint(reg, 0)) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ep.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("dpem_contention_total 4.0").contains("dpem_delivery_rate");
    }
  }
}
