package org.dpem.controller.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;

/**
 * A small controller state held in memory for the admin socket's tests: nodes on a line, three
 * devices per node, requests with ids, drain, estop. Every call runs on {@code loop} (the stand-in
 * for the control loop's thread), so replies complete off the event loop as they will for real.
 */
public final class InMemoryAdminBackend implements AdminBackend {
  static final Set<String> STATES = Set.of("queued", "allocated", "delivered", "expired", "failed", "rejected");

  private final Executor loop;
  private final Map<String, String> nodeState = new LinkedHashMap<>();
  private final Map<String, DeviceSummary> devices = new LinkedHashMap<>();
  private final Map<String, RequestSummary> requests = new LinkedHashMap<>();
  private final List<String> policies = List.of("dpem", "greedy", "central");
  private String policy = "dpem";
  private String loopState = "running";
  private long nextRequest = 1;
  private long epoch;

  public InMemoryAdminBackend(int nodes, Executor loop) {
    this.loop = loop;
    for (int i = 0; i < nodes; i++) {
      String n = "n" + i;
      nodeState.put(n, "active");
      for (DeviceKind k : DeviceKind.values()) {
        String id = n + "-" + k.wireName();
        devices.put(id, new DeviceSummary(id, n, k, DeviceState.READY, ""));
      }
    }
  }

  /** Runs on the calling thread (completed stages). */
  static InMemoryAdminBackend direct(int nodes) {
    return new InMemoryAdminBackend(nodes, Runnable::run);
  }

  private <T> CompletionStage<T> on(Supplier<T> work) {
    return CompletableFuture.supplyAsync(() -> {
      synchronized (this) {
        epoch++;
        return work.get();
      }
    }, loop);
  }

  /** Marks a device faulted, as a driver event would. */
  synchronized void fault(String deviceId, String fault) {
    DeviceSummary d = devices.get(deviceId);
    devices.put(deviceId, new DeviceSummary(d.id(), d.node(), d.kind(), DeviceState.FAULT, fault));
  }

  @Override
  public CompletionStage<StatusSummary> status() {
    return on(this::statusNow);
  }

  private StatusSummary statusNow() {
    int drained = (int) nodeState.values().stream().filter("drained"::equals).count();
    return new StatusSummary(loopState, policy, epoch, epoch * 0.01, nodeState.size() - drained, drained,
        (int) requests.values().stream().filter(r -> r.state().equals("queued")).count(), 0, 0, 0.0);
  }

  @Override
  public CompletionStage<List<NodeSummary>> nodes() {
    return on(() -> nodeState.keySet().stream().map(this::nodeSummary).toList());
  }

  private NodeSummary nodeSummary(String id) {
    return new NodeSummary(id, nodeState.get(id), 3, 8, 8);
  }

  private String knownNode(String id) {
    if (!nodeState.containsKey(id)) {
      throw AdminException.unknown("node", id);
    }
    return id;
  }

  private DeviceSummary knownDevice(String id) {
    DeviceSummary d = devices.get(id);
    if (d == null) {
      throw AdminException.unknown("device", id);
    }
    return d;
  }

  @Override
  public CompletionStage<NodeDetail> node(String nodeId) {
    return on(() -> {
      knownNode(nodeId);
      int i = Integer.parseInt(nodeId.substring(1));
      List<String> neighbours = new ArrayList<>();
      if (i > 0) {
        neighbours.add("n" + (i - 1));
      }
      if (nodeState.containsKey("n" + (i + 1))) {
        neighbours.add("n" + (i + 1));
      }
      return new NodeDetail(nodeSummary(nodeId),
          devices.values().stream().filter(d -> d.node().equals(nodeId)).toList(), neighbours);
    });
  }

  @Override
  public CompletionStage<List<DeviceSummary>> devices() {
    return on(() -> List.copyOf(devices.values()));
  }

  @Override
  public CompletionStage<DeviceSummary> device(String deviceId) {
    return on(() -> knownDevice(deviceId));
  }

  @Override
  public CompletionStage<DeviceSummary> safeDevice(String deviceId) {
    return on(() -> setState(knownDevice(deviceId), DeviceState.SAFE));
  }

  @Override
  public CompletionStage<DeviceSummary> clearFault(String deviceId) {
    return on(() -> {
      DeviceSummary d = knownDevice(deviceId);
      if (d.state() != DeviceState.FAULT) {
        throw AdminException.rejected("device '" + deviceId + "' has no latched fault");
      }
      return setState(d, DeviceState.READY);
    });
  }

  private DeviceSummary setState(DeviceSummary d, DeviceState s) {
    DeviceSummary n = new DeviceSummary(d.id(), d.node(), d.kind(), s, "");
    devices.put(d.id(), n);
    return n;
  }

  @Override
  public CompletionStage<String> submit(RequestSpec r) {
    return on(() -> {
      knownNode(r.source());
      knownNode(r.destination());
      if (!loopState.equals("running")) {
        throw AdminException.rejected("the loop is " + loopState + "; 'resume' first");
      }
      String id = "r" + nextRequest++;
      requests.put(id, new RequestSummary(id, r.source(), r.destination(), r.minFidelity(), r.pairs(), 0,
          "queued", "", epoch * 0.01, epoch * 0.01 + r.deadlineSeconds()));
      return id;
    });
  }

  @Override
  public CompletionStage<List<RequestSummary>> requests(Optional<String> state) {
    return on(() -> {
      if (state.isPresent() && !STATES.contains(state.get())) {
        throw AdminException.badArgument("unknown state '" + state.get() + "' (known: " + String.join(", ", new TreeSet<>(STATES)) + ")");
      }
      return requests.values().stream().filter(r -> state.isEmpty() || r.state().equals(state.get())).toList();
    });
  }

  @Override
  public CompletionStage<RequestSummary> request(String requestId) {
    return on(() -> knownRequest(requestId));
  }

  private RequestSummary knownRequest(String id) {
    RequestSummary r = requests.get(id);
    if (r == null) {
      throw AdminException.unknown("request", id);
    }
    return r;
  }

  @Override
  public CompletionStage<RequestSummary> cancel(String requestId) {
    return on(() -> {
      RequestSummary r = knownRequest(requestId);
      if (!r.state().equals("queued") && !r.state().equals("allocated")) {
        throw AdminException.rejected("request '" + requestId + "' already " + r.state());
      }
      RequestSummary c = new RequestSummary(r.id(), r.source(), r.destination(), r.minFidelity(), r.pairs(),
          r.delivered(), "rejected", "cancelled", r.arrivalSeconds(), r.deadlineSeconds());
      requests.put(r.id(), c);
      return c;
    });
  }

  @Override
  public CompletionStage<List<AllocationSummary>> allocations() {
    return on(() -> requests.values().stream().filter(r -> r.state().equals("allocated"))
        .map(r -> new AllocationSummary("a-" + r.id(), r.id(), List.of(r.source(), r.destination()), 10, 0.9, 0, true))
        .toList());
  }

  @Override
  public CompletionStage<PolicyStatus> policy() {
    return on(() -> new PolicyStatus(policy, policies));
  }

  @Override
  public CompletionStage<PolicyStatus> switchPolicy(String name) {
    return on(() -> {
      if (!policies.contains(name)) {
        throw AdminException.unknown("policy", name);
      }
      policy = name;
      return new PolicyStatus(policy, policies);
    });
  }

  @Override
  public CompletionStage<NodeSummary> drain(String nodeId) {
    return on(() -> {
      nodeState.put(knownNode(nodeId), "drained");
      return nodeSummary(nodeId);
    });
  }

  @Override
  public CompletionStage<NodeSummary> undrain(String nodeId) {
    return on(() -> {
      nodeState.put(knownNode(nodeId), "active");
      return nodeSummary(nodeId);
    });
  }

  @Override
  public CompletionStage<EstopReport> estop() {
    return on(() -> {
      loopState = "estopped";
      devices.replaceAll((id, d) -> new DeviceSummary(d.id(), d.node(), d.kind(), DeviceState.SAFE, "estop"));
      return new EstopReport(devices.size(), 0, List.of());
    });
  }

  @Override
  public CompletionStage<StatusSummary> resume() {
    return on(() -> {
      loopState = "running";
      return statusNow();
    });
  }

  @Override
  public CompletionStage<FederationStatus> federation() {
    return on(() -> new FederationStatus("running", epoch / 10, epoch / 10, nodeState.size(), nodeState.size(), nodeState.size(), 0, 0, 0.1 * (epoch / 10), 1e-5, null, null, "mean", true));
  }

  @Override
  public CompletionStage<TrainingStatus> training() {
    return on(() -> new TrainingStatus("idle", 0, 0, 0.0));
  }

  @Override
  public CompletionStage<Map<String, Double>> metrics() {
    return on(() -> Map.of("delivery_rate", 0.0, "requests_total", (double) requests.size()));
  }

  @Override
  public CompletionStage<TopologySnapshot> topology() {
    return on(() -> {
      List<String> ids = List.copyOf(nodeState.keySet());
      List<TopologySnapshot.Link> links = new ArrayList<>();
      for (int i = 1; i < ids.size(); i++) {
        links.add(new TopologySnapshot.Link(ids.get(i - 1), ids.get(i), 10.0, 0.01, 0.97, "up"));
      }
      return new TopologySnapshot(ids, links);
    });
  }
}
