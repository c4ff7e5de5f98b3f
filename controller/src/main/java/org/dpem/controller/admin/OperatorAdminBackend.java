package org.dpem.controller.admin;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dpem.controller.metrics.Summary;
import org.dpem.controller.operator.DeviceStatus;
import org.dpem.controller.operator.NodeStatus;
import org.dpem.controller.operator.Operator;
import org.dpem.controller.operator.RequestInfo;
import org.dpem.controller.operator.SubmitSpec;
import org.dpem.controller.operator.TopologyInfo;
import org.dpem.controller.policy.Policies;
import org.dpem.controller.request.RequestState;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;

/**
 * The admin socket over the running controller's {@link Operator}. Ids are the controller's
 * numbers written as text. The operator's {@link IllegalArgumentException}s become
 * {@link AdminException}s (unknown ids as {@code unknown_id}); what the controller does not offer
 * (federation, training) answers {@code unavailable} rather than made-up values.
 */
public final class OperatorAdminBackend implements AdminBackend {
  /** Most requests one {@code requests} reply lists (newest first). */
  static final int REQUEST_LIMIT = 10_000;

  private final Supplier<Operator> operator;
  private volatile Supplier<FederationStatus> federation;
  private volatile Supplier<Training> training;

  public OperatorAdminBackend(Operator operator) {
    this(() -> operator);
  }

  /**
   * For a controller whose operator appears only once its loop has started: until then every
   * command answers {@code unavailable}.
   */
  public OperatorAdminBackend(Supplier<Operator> operator) {
    this.operator = operator;
  }

  /**
   * What a learning policy reports: its mode ({@code imitating} its teacher, {@code learning},
   * or {@code evaluating} a trained policy), epochs decided, weight updates.
   */
  public record Training(String mode, long steps, long updates) {}

  /**
   * Reports training through {@code train} from now on: {@code state} gives the learning
   * policy's state, or null when none has been made.
   */
  public OperatorAdminBackend withTraining(Supplier<Training> state) {
    this.training = state;
    return this;
  }

  /** Reports federation through {@code status} from now on (an aggregator runs in this controller). */
  public OperatorAdminBackend withFederation(Supplier<FederationStatus> status) {
    this.federation = status;
    return this;
  }

  private Operator op() {
    Operator o = operator.get();
    if (o == null) {
      throw new AdminException(AdminException.Code.UNAVAILABLE, "the controller is still starting");
    }
    return o;
  }

  @Override
  public CompletionStage<StatusSummary> status() {
    return guard(op().status().thenApply(s -> new StatusSummary(s.estopped() ? "estopped" : "running", s.policy(),
        s.epoch(), s.timeSeconds(), s.usableNodes(), s.drainedNodes(), s.liveRequests(), s.activeAllocations(),
        s.pairsDelivered(), s.deliveryRate())));
  }

  @Override
  public CompletionStage<List<NodeSummary>> nodes() {
    return guard(op().nodes().thenCombine(op().devices(), (nodes, devices) -> {
      Map<String, Long> perNode = devices.stream().collect(Collectors.groupingBy(DeviceStatus::node, Collectors.counting()));
      return nodes.stream().map(n -> node(n, perNode.getOrDefault(n.id(), 0L).intValue())).toList();
    }));
  }

  private static NodeSummary node(NodeStatus n, int devices) {
    String state = n.drained() ? "drained" : n.usable() ? "active" : "unusable";
    return new NodeSummary(n.id(), state, devices, n.slotsFree(), n.slotsCapacity());
  }

  @Override
  public CompletionStage<NodeDetail> node(String nodeId) {
    return guard(nodes().thenCompose(ns -> op().devices().thenCombine(op().topology(), (ds, topo) -> {
      NodeSummary n = ns.stream().filter(x -> x.id().equals(nodeId)).findFirst()
          .orElseThrow(() -> AdminException.unknown("node", nodeId));
      List<String> neighbours = new ArrayList<>();
      for (TopologyInfo.LinkInfo l : topo.links()) {
        if (l.a().equals(nodeId)) {
          neighbours.add(l.b());
        } else if (l.b().equals(nodeId)) {
          neighbours.add(l.a());
        }
      }
      List<DeviceSummary> own = ds.stream().filter(d -> d.node().equals(nodeId)).map(OperatorAdminBackend::device).toList();
      return new NodeDetail(n, own, neighbours);
    })));
  }

  @Override
  public CompletionStage<List<DeviceSummary>> devices() {
    return guard(op().devices().thenApply(ds -> ds.stream().map(OperatorAdminBackend::device).toList()));
  }

  private static DeviceSummary device(DeviceStatus d) {
    return new DeviceSummary(d.id(), d.node(), DeviceKind.parse(d.kind()), DeviceState.valueOf(d.state()),
        d.detail() == null ? "" : d.detail());
  }

  @Override
  public CompletionStage<DeviceSummary> device(String deviceId) {
    return guard(devices().thenApply(ds -> ds.stream().filter(d -> d.id().equals(deviceId)).findFirst()
        .orElseThrow(() -> AdminException.unknown("device", deviceId))));
  }

  @Override
  public CompletionStage<DeviceSummary> safeDevice(String deviceId) {
    return guard(op().safeDevice(deviceId).thenApply(OperatorAdminBackend::device));
  }

  @Override
  public CompletionStage<DeviceSummary> clearFault(String deviceId) {
    return guard(op().clearFault(deviceId).thenApply(OperatorAdminBackend::device));
  }

  @Override
  public CompletionStage<String> submit(RequestSpec r) {
    SubmitSpec spec = new SubmitSpec(r.source(), r.destination(), r.minFidelity(), r.pairs(), r.deadlineSeconds(), 0);
    return guard(op().submit(spec).thenApply(res -> {
      if (!res.accepted()) {
        throw AdminException.rejected("rejected as request " + res.requestId() + " (" + res.reason() + ")"
            + (res.detail() == null || res.detail().isEmpty() ? "" : ": " + res.detail()));
      }
      return String.valueOf(res.requestId());
    }));
  }

  @Override
  public CompletionStage<List<RequestSummary>> requests(Optional<String> state) {
    if (state.isPresent()) {
      boolean known = false;
      for (RequestState s : RequestState.values()) {
        known |= s.name().equalsIgnoreCase(state.get());
      }
      if (!known) {
        return CompletableFuture.failedFuture(AdminException.badArgument("unknown state '" + state.get()
            + "' (known: " + java.util.Arrays.stream(RequestState.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ")"));
      }
    }
    return guard(op().requests(false, REQUEST_LIMIT).thenApply(rs -> rs.stream()
        .filter(r -> state.isEmpty() || r.state().equalsIgnoreCase(state.get()))
        .map(OperatorAdminBackend::request).toList()));
  }

  private static RequestSummary request(RequestInfo r) {
    return new RequestSummary(String.valueOf(r.id()), r.source(), r.destination(), r.minFidelity(), r.pairs(),
        r.delivered(), r.state().toLowerCase(Locale.ROOT), r.reason() == null ? "" : r.reason(), r.arrivalSeconds(),
        r.deadlineSeconds());
  }

  @Override
  public CompletionStage<RequestSummary> request(String requestId) {
    long id = requestNumber(requestId);
    return guard(op().request(id).thenApply(r -> request(r.orElseThrow(() -> AdminException.unknown("request", requestId)))));
  }

  @Override
  public CompletionStage<RequestSummary> cancel(String requestId) {
    long id = requestNumber(requestId);
    return guard(op().cancel(id).thenCompose(cancelled -> op().request(id).thenApply(r -> {
      RequestInfo info = r.orElseThrow(() -> AdminException.unknown("request", requestId));
      if (!cancelled) {
        throw AdminException.rejected("request '" + requestId + "' already " + info.state().toLowerCase(Locale.ROOT));
      }
      return request(info);
    })));
  }

  private static long requestNumber(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw AdminException.unknown("request", id);
    }
  }

  @Override
  public CompletionStage<List<AllocationSummary>> allocations() {
    return guard(op().allocations().thenApply(as -> as.stream().map(a -> new AllocationSummary(String.valueOf(a.id()),
        String.valueOf(a.requestId()), a.path(), a.rate(), a.fidelityEstimate(), a.startSeconds(), a.commanded()))
        .toList()));
  }

  @Override
  public CompletionStage<PolicyStatus> policy() {
    return guard(op().status().thenApply(s -> new PolicyStatus(s.policy(), Policies.names())));
  }

  @Override
  public CompletionStage<PolicyStatus> switchPolicy(String name) {
    return guard(op().switchPolicy(name).thenCompose(old -> policy()));
  }

  @Override
  public CompletionStage<NodeSummary> drain(String nodeId) {
    return guard(op().drain(nodeId).thenCompose(v -> nodeSummary(nodeId)));
  }

  @Override
  public CompletionStage<NodeSummary> undrain(String nodeId) {
    return guard(op().undrain(nodeId).thenCompose(v -> nodeSummary(nodeId)));
  }

  private CompletionStage<NodeSummary> nodeSummary(String nodeId) {
    return nodes().thenApply(ns -> ns.stream().filter(n -> n.id().equals(nodeId)).findFirst()
        .orElseThrow(() -> AdminException.unknown("node", nodeId)));
  }

  @Override
  public CompletionStage<EstopReport> estop() {
    return guard(op().allocations().thenCompose(before -> op().estop().thenCompose(v -> op().devices()).thenApply(ds -> {
      List<String> failures = ds.stream().filter(d -> !d.state().equals(DeviceState.SAFE.name()))
          .map(d -> d.id() + ": " + d.state() + (d.detail() == null || d.detail().isEmpty() ? "" : " (" + d.detail() + ")"))
          .toList();
      return new EstopReport(ds.size() - failures.size(), before.size(), failures);
    })));
  }

  @Override
  public CompletionStage<StatusSummary> resume(boolean all) {
    return guard(op().resume(all).thenCompose(v -> status()));
  }

  @Override
  public CompletionStage<FederationStatus> federation() {
    Supplier<FederationStatus> f = federation;
    if (f != null) {
      return CompletableFuture.completedFuture(f.get());
    }
    return CompletableFuture.failedFuture(new AdminException(AdminException.Code.UNAVAILABLE,
        "federated averaging is not running in this controller (it needs controller.federation.keys)"));
  }

  @Override
  public CompletionStage<TrainingStatus> training() {
    Supplier<Training> t = training;
    return guard(op().status().thenApply(s -> {
      Training now = t == null ? null : t.get();
      if (now == null || !s.policy().equals("dpem")) {
        throw new AdminException(AdminException.Code.UNAVAILABLE, "the policy in force, "
            + s.policy() + ", does not learn: training is reported while policy dpem runs");
      }
      // a learning policy's evaluation is the running controller's own delivery rate so far
      return new TrainingStatus(now.mode(), now.steps(), now.updates(), s.deliveryRate());
    }));
  }

  @Override
  public CompletionStage<Map<String, Double>> metrics() {
    return guard(op().metrics().thenApply(OperatorAdminBackend::numbers));
  }

  /** Every numeric component of the summary, by name, in declaration order. */
  static Map<String, Double> numbers(Summary s) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (RecordComponent c : Summary.class.getRecordComponents()) {
      try {
        Object v = c.getAccessor().invoke(s);
        if (v instanceof Number n) {
          out.put(c.getName(), n.doubleValue());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read metric " + c.getName(), e);
      }
    }
    return out;
  }

  @Override
  public CompletionStage<TopologySnapshot> topology() {
    return guard(op().topology().thenApply(t -> new TopologySnapshot(t.nodes(), t.links().stream()
        .map(l -> new TopologySnapshot.Link(l.a(), l.b(), l.lengthKm(), l.successProbability(), l.fidelity(),
            l.usable() ? "up" : "down"))
        .toList())));
  }

  /** The operator reports bad input as IllegalArgumentException; the socket wants AdminException. */
  private static <T> CompletionStage<T> guard(CompletionStage<T> stage) {
    return stage.handle((v, e) -> {
      if (e == null) {
        return CompletableFuture.completedFuture(v);
      }
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
        String m = iae.getMessage();
        return CompletableFuture.<T>failedFuture(m.startsWith("unknown ")
            ? new AdminException(AdminException.Code.UNKNOWN_ID, m) : AdminException.badArgument(m));
      }
      return CompletableFuture.<T>failedFuture(cause);
    }).thenCompose(Function.identity());
  }
}
