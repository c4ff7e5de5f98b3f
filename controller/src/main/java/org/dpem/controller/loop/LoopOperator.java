package org.dpem.controller.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dpem.controller.metrics.Summary;
import org.dpem.controller.operator.AllocationInfo;
import org.dpem.controller.operator.DeviceStatus;
import org.dpem.controller.operator.NodeStatus;
import org.dpem.controller.operator.Operator;
import org.dpem.controller.operator.RequestInfo;
import org.dpem.controller.operator.Status;
import org.dpem.controller.operator.SubmitResult;
import org.dpem.controller.operator.SubmitSpec;
import org.dpem.controller.operator.TopologyInfo;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Policies;
import org.dpem.controller.request.RejectReason;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.controller.reserve.ResourceKind;
import org.dpem.controller.topology.LinkInfo;
import org.dpem.hal.Device;
import org.dpem.hal.DeviceState;
import org.dpem.hal.NodeId;
import org.dpem.hal.TrustedNode;
import org.dpem.hal.time.TimeBase;

/** {@link Operator} over a {@link ControlLoop}: every call becomes a task in the loop's inbox. */
public final class LoopOperator implements Operator {
  private final ControlLoop loop;

  LoopOperator(ControlLoop loop) {
    this.loop = loop;
  }

  private <T> CompletableFuture<T> onLoop(Supplier<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    loop.enqueue(() -> {
      try {
        f.complete(work.get());
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  @Override
  public CompletableFuture<Status> status() {
    return onLoop(() -> {
      var m = loop.metrics.summary();
      return new Status(loop.policy.name(), loop.epoch(), loop.time.nowSeconds(), loop.estopped,
          loop.book.live().size(), loop.active.size(), loop.drained.cardinality(),
          loop.topology == null ? 0 : countUsable(), m.pairsDelivered(), m.deliveryRate());
    });
  }

  private int countUsable() {
    int n = 0;
    for (int i = 0; i < loop.model.nodeCount(); i++) {
      if (loop.topology.usable(i)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public CompletableFuture<List<NodeStatus>> nodes() {
    return onLoop(() -> {
      List<NodeStatus> out = new ArrayList<>();
      for (int i = 0; i < loop.model.nodeCount(); i++) {
        int g = ResourceKind.GENERATION.at(i);
        int m = ResourceKind.MEMORY.at(i);
        int s = ResourceKind.SWAP.at(i);
        out.add(new NodeStatus(loop.model.node(i).id().value(),
            loop.topology != null && loop.topology.usable(i), loop.drained.get(i),
            loop.ledger.free(g), loop.ledger.capacity(g), loop.ledger.free(m),
            loop.ledger.capacity(m), loop.ledger.free(s), loop.ledger.capacity(s)));
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<List<DeviceStatus>> devices() {
    return onLoop(() -> {
      List<DeviceStatus> out = new ArrayList<>();
      for (TrustedNode n : loop.devices.nodes()) {
        for (Device d : n.devices()) {
          out.add(status(d));
        }
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<SubmitResult> submit(SubmitSpec spec) {
    CompletableFuture<SubmitResult> f = new CompletableFuture<>();
    loop.enqueue(() -> {
      try {
        NodeId src = NodeId.of(spec.source());
        NodeId dst = NodeId.of(spec.destination());
        if (!(spec.deadlineSeconds() > 0) || Double.isInfinite(spec.deadlineSeconds())) {
          throw new IllegalArgumentException("deadline must be a positive number of seconds, got "
              + spec.deadlineSeconds());
        }
        long deadline = loop.time.nowNanos() + TimeBase.nanos(spec.deadlineSeconds());
        TrackedRequest t = loop.submitNow(new Request.Spec(src, dst, spec.minFidelity(),
            spec.pairs(), deadline, spec.priority()));
        SubmitResult r = new SubmitResult(t.id(), t.state() != RequestState.REJECTED,
            t.reason() == null ? "" : t.reason().wireName(), t.detail());
        // acknowledged only once the journal holds it
        loop.afterFlush(() -> f.complete(r));
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  @Override
  public CompletableFuture<Boolean> cancel(long requestId) {
    return onLoop(() -> {
      TrackedRequest t = loop.book.get(requestId).orElse(null);
      if (t == null || t.state().terminal()) {
        return false;
      }
      loop.finish(t, RequestState.REJECTED, RejectReason.CANCELLED, "cancelled by operator",
          loop.time.nowNanos());
      return true;
    });
  }

  @Override
  public CompletableFuture<java.util.Optional<RequestInfo>> request(long requestId) {
    return onLoop(() -> loop.book.get(requestId).map(LoopOperator::info));
  }

  private static RequestInfo info(TrackedRequest t) {
    Request r = t.request();
    return new RequestInfo(r.id(), r.source().value(), r.destination().value(),
        r.minFidelity(), r.pairs(), t.delivered(), t.state().name(),
        // a failed request has no admission reason: what ended its last allocation says why
        t.reason() == null ? t.detail() : t.reason().wireName(), r.arrivalNanos() / 1e9,
        r.deadlineNanos() / 1e9, t.allocation());
  }

  @Override
  public CompletableFuture<DeviceStatus> safeDevice(String deviceId) {
    return deviceCommand(deviceId, true);
  }

  @Override
  public CompletableFuture<DeviceStatus> clearFault(String deviceId) {
    return deviceCommand(deviceId, false);
  }

  private CompletableFuture<DeviceStatus> deviceCommand(String deviceId, boolean safe) {
    CompletableFuture<DeviceStatus> f = new CompletableFuture<>();
    loop.enqueue(() -> {
      try {
        Device d = loop.devices.device(org.dpem.hal.DeviceId.of(deviceId)).orElseThrow(() ->
            new IllegalArgumentException("unknown device '" + deviceId + "'"));
        long deadline = loop.time.nowNanos() + loop.settings.commandTimeoutNanos();
        // an operator's SAFE outlasts an estop's resume; only this device's clear-fault lifts it
        if (safe) {
          loop.heldSafe.add(d.id());
        } else {
          loop.heldSafe.remove(d.id());
        }
        (safe ? d.safe(deadline) : d.clearFault(deadline)).whenComplete((r, ex) ->
            loop.enqueue(() -> {
              loop.markTopologyDirty();
              // an acknowledged command shows in the state a wire device reports on its next
              // heartbeat: answer with that state, not the one before it
              boolean acked = ex == null && r.isOk();
              loop.awaitOrDeadline(() -> !acked || (safe ? d.state() == DeviceState.SAFE
                      : d.state() != DeviceState.SAFE && d.state() != DeviceState.FAULT),
                  confirmDeadline(), () -> f.complete(status(d)));
            }));
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  /**
   * How long a call waits for devices to report the state it commanded: the command timeout plus
   * a device's heartbeat period (PROTOCOL.md 10.4: one a second) with margin.
   */
  private long confirmDeadline() {
    return loop.time.nowNanos() + loop.settings.commandTimeoutNanos() + 1_500_000_000L;
  }

  private DeviceStatus status(Device d) {
    String detail = d.health().detail();
    if (loop.heldSafe.contains(d.id())) {
      detail = (detail == null || detail.isEmpty() ? "" : detail + "; ")
          + "held SAFE by the operator until 'device " + d.id().value() + " clear-fault'";
    }
    return new DeviceStatus(d.id().value(), d.node().value(), d.kind().wireName(),
        d.state().name(), detail);
  }

  @Override
  public CompletableFuture<List<RequestInfo>> requests(boolean liveOnly, int limit) {
    return onLoop(() -> {
      List<TrackedRequest> src = new ArrayList<>(liveOnly ? loop.book.live() : loop.book.all());
      src.sort(Comparator.comparingLong(TrackedRequest::id).reversed());
      List<RequestInfo> out = new ArrayList<>();
      for (TrackedRequest t : src) {
        if (out.size() >= limit) {
          break;
        }
        out.add(info(t));
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<List<AllocationInfo>> allocations() {
    return onLoop(() -> {
      List<AllocationInfo> out = new ArrayList<>();
      for (Allocation a : loop.active.values()) {
        out.add(new AllocationInfo(a.id(), a.request().id(),
            a.path().nodes().stream().map(NodeId::value).toList(), a.rate(),
            a.path().fidelity(), a.startNanos() / 1e9, a.commanded()));
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<String> switchPolicy(String name) {
    return onLoop(() -> {
      AllocationPolicy p = loop.policies.apply(name);
      String old = loop.policy.name();
      loop.policy = p;
      loop.policyChanges.add(new PolicyChange(loop.epoch(), loop.time.nowSeconds(), old, p.name()));
      return old;
    });
  }

  @Override
  public CompletableFuture<Void> drain(String node) {
    return onLoop(() -> {
      loop.drained.set(index(node));
      // at once, so that the reply (and any status read before the next epoch) shows the change
      loop.rebuildTopology();
      return null;
    });
  }

  @Override
  public CompletableFuture<Void> undrain(String node) {
    return onLoop(() -> {
      loop.drained.clear(index(node));
      // at once, so that the reply (and any status read before the next epoch) shows the change
      loop.rebuildTopology();
      return null;
    });
  }

  private int index(String node) {
    int i = loop.model.indexOf(NodeId.of(node));
    if (i < 0) {
      throw new IllegalArgumentException("unknown node '" + node + "'");
    }
    return i;
  }

  @Override
  public CompletableFuture<Void> estop() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    loop.enqueue(() -> {
      try {
        loop.estop();
        // wire devices acknowledge GO_SAFE before their next heartbeat reports SAFE: answer once
        // every device reports SAFE, or the command timeout has passed
        loop.awaitOrDeadline(this::allSafe, confirmDeadline(), () -> f.complete(null));
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  private boolean allSafe() {
    for (TrustedNode n : loop.devices.nodes()) {
      for (Device d : n.devices()) {
        if (d.state() != DeviceState.SAFE) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public CompletableFuture<Void> resume(boolean all) {
    return onLoop(() -> {
      leaveEstop(all);
      return null;
    });
  }

  /**
   * Leaves an emergency stop: SAFE devices are cleared, except those an operator put SAFE one by
   * one ({@code device X safe}), which stay SAFE unless {@code all}. Loop thread.
   */
  private void leaveEstop(boolean all) {
    long now = loop.time.nowNanos();
    if (all) {
      loop.heldSafe.clear();
    }
    for (TrustedNode n : loop.devices.nodes()) {
      for (Device d : n.devices()) {
        if (d.state() == DeviceState.SAFE && !loop.heldSafe.contains(d.id())) {
          d.clearFault(now + loop.settings.commandTimeoutNanos());
        }
      }
    }
    loop.estopped = false;
    loop.markTopologyDirty();
  }

  @Override
  public CompletableFuture<Summary> metrics() {
    return onLoop(loop.metrics::summary);
  }

  @Override
  public CompletableFuture<TopologyInfo> topology() {
    return onLoop(() -> {
      List<String> nodes = new ArrayList<>();
      List<String> usable = new ArrayList<>();
      for (int i = 0; i < loop.model.nodeCount(); i++) {
        nodes.add(loop.model.node(i).id().value());
        if (loop.topology != null && loop.topology.usable(i)) {
          usable.add(loop.model.node(i).id().value());
        }
      }
      List<TopologyInfo.LinkInfo> links = new ArrayList<>();
      for (LinkInfo l : loop.model.links()) {
        boolean up = loop.topology != null && loop.topology.usable(l.a()) && loop.topology.usable(l.b());
        links.add(new TopologyInfo.LinkInfo(l.a().value(), l.b().value(), l.lengthKm(),
            l.successProbability(), l.fidelity(), up));
      }
      return new TopologyInfo(loop.topology == null ? 0 : loop.topology.version(), nodes, usable, links);
    });
  }
}
