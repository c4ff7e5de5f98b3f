package org.dpem.controller.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the admin socket needs from the running controller. The controller runs its loop on its own
 * thread, so every call returns a stage that the controller completes when the loop has acted; the
 * socket never waits on it. A stage that fails with {@link AdminException} becomes an error reply
 * naming the command (an unknown id, a refused action); any other failure is reported as an
 * internal error and logged.
 */
public interface AdminBackend {

  /** Loop state, policy, epoch and counts. */
  CompletionStage<StatusSummary> status();

  /** Every trusted node. */
  CompletionStage<List<NodeSummary>> nodes();

  /** One node with its devices and neighbours; fails with {@code unknown node} if absent. */
  CompletionStage<NodeDetail> node(String nodeId);

  /** Every device of every node. */
  CompletionStage<List<DeviceSummary>> devices();

  /** One device; fails with {@code unknown device} if absent. */
  CompletionStage<DeviceSummary> device(String deviceId);

  /** Puts one device in its safe state; completes with the device as it is afterwards. */
  CompletionStage<DeviceSummary> safeDevice(String deviceId);

  /** Acknowledges and clears a device's latched fault; completes with the device afterwards. */
  CompletionStage<DeviceSummary> clearFault(String deviceId);

  /** Queues an operator request; completes with its id once the controller has accepted it. */
  CompletionStage<String> submit(RequestSpec request);

  /** Requests, all or only those in {@code state}; an unknown state fails with BAD_ARGUMENT. */
  CompletionStage<List<RequestSummary>> requests(Optional<String> state);

  /** One request; fails with {@code unknown request} if absent. */
  CompletionStage<RequestSummary> request(String requestId);

  /** Cancels a request that has not reached a terminal state; completes with it afterwards. */
  CompletionStage<RequestSummary> cancel(String requestId);

  /** Allocations currently holding resources. */
  CompletionStage<List<AllocationSummary>> allocations();

  /** The active allocation policy and the ones that can be switched to. */
  CompletionStage<PolicyStatus> policy();

  /** Switches the allocation policy at the next epoch boundary; unknown names fail. */
  CompletionStage<PolicyStatus> switchPolicy(String name);

  /** Takes a node out of service: no new allocations use it; running ones finish. */
  CompletionStage<NodeSummary> drain(String nodeId);

  /** Returns a drained node to service. */
  CompletionStage<NodeSummary> undrain(String nodeId);

  /** Every device to SAFE, allocations stopped, loop paused. */
  CompletionStage<EstopReport> estop();

  /**
   * Leaves the paused or stopped state; completes with the status afterwards. Devices the
   * operator put SAFE one by one stay SAFE unless {@code all}.
   */
  CompletionStage<StatusSummary> resume(boolean all);

  /** Federated averaging: round, participants, privacy spent. */
  CompletionStage<FederationStatus> federation();

  /** Training progress. */
  CompletionStage<TrainingStatus> training();

  /** Current metrics by name (delivery rate, contention, waste, latency percentiles, ...). */
  CompletionStage<Map<String, Double>> metrics();

  /** Nodes and links as the controller routes on them. */
  CompletionStage<TopologySnapshot> topology();
}
