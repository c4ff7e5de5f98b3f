package org.dpem.controller.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Passes every call to another backend; tests override one call to make it misbehave. */
class DelegatingBackend implements AdminBackend {
  private final AdminBackend d;

  DelegatingBackend(AdminBackend d) {
    this.d = d;
  }

  @Override
  public CompletionStage<StatusSummary> status() {
    return d.status();
  }

  @Override
  public CompletionStage<List<NodeSummary>> nodes() {
    return d.nodes();
  }

  @Override
  public CompletionStage<NodeDetail> node(String nodeId) {
    return d.node(nodeId);
  }

  @Override
  public CompletionStage<List<DeviceSummary>> devices() {
    return d.devices();
  }

  @Override
  public CompletionStage<DeviceSummary> device(String deviceId) {
    return d.device(deviceId);
  }

  @Override
  public CompletionStage<DeviceSummary> safeDevice(String deviceId) {
    return d.safeDevice(deviceId);
  }

  @Override
  public CompletionStage<DeviceSummary> clearFault(String deviceId) {
    return d.clearFault(deviceId);
  }

  @Override
  public CompletionStage<String> submit(RequestSpec request) {
    return d.submit(request);
  }

  @Override
  public CompletionStage<List<RequestSummary>> requests(Optional<String> state) {
    return d.requests(state);
  }

  @Override
  public CompletionStage<RequestSummary> request(String requestId) {
    return d.request(requestId);
  }

  @Override
  public CompletionStage<RequestSummary> cancel(String requestId) {
    return d.cancel(requestId);
  }

  @Override
  public CompletionStage<List<AllocationSummary>> allocations() {
    return d.allocations();
  }

  @Override
  public CompletionStage<PolicyStatus> policy() {
    return d.policy();
  }

  @Override
  public CompletionStage<PolicyStatus> switchPolicy(String name) {
    return d.switchPolicy(name);
  }

  @Override
  public CompletionStage<NodeSummary> drain(String nodeId) {
    return d.drain(nodeId);
  }

  @Override
  public CompletionStage<NodeSummary> undrain(String nodeId) {
    return d.undrain(nodeId);
  }

  @Override
  public CompletionStage<EstopReport> estop() {
    return d.estop();
  }

  @Override
  public CompletionStage<StatusSummary> resume(boolean all) {
    return d.resume(all);
  }

  @Override
  public CompletionStage<FederationStatus> federation() {
    return d.federation();
  }

  @Override
  public CompletionStage<TrainingStatus> training() {
    return d.training();
  }

  @Override
  public CompletionStage<Map<String, Double>> metrics() {
    return d.metrics();
  }

  @Override
  public CompletionStage<TopologySnapshot> topology() {
    return d.topology();
  }
}
