package org.dpem.controller.operator;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dpem.controller.metrics.Summary;

/**
 * What an operator (the admin socket, the CLI) may ask of a running controller. Thread-safe:
 * every call is queued into the control loop and answered there, at the next epoch boundary, so
 * no caller ever touches controller state from its own thread. A future completes exceptionally
 * with {@link IllegalArgumentException} for bad input (naming what is wrong).
 */
public interface Operator {
  CompletableFuture<Status> status();

  CompletableFuture<List<NodeStatus>> nodes();

  CompletableFuture<List<DeviceStatus>> devices();

  /**
   * Submits a request. Completes once the request is admitted or rejected and, if admitted,
   * written to the journal: an accepted request is never lost after this completes.
   */
  CompletableFuture<SubmitResult> submit(SubmitSpec spec);

  /** Withdraws a live request (it ends REJECTED, reason cancelled); false if not live. */
  CompletableFuture<Boolean> cancel(long requestId);

  /** Requests, newest first, at most {@code limit}; only live ones when {@code liveOnly}. */
  CompletableFuture<List<RequestInfo>> requests(boolean liveOnly, int limit);

  /** One request, or empty if no request has that id. */
  CompletableFuture<java.util.Optional<RequestInfo>> request(long requestId);

  CompletableFuture<List<AllocationInfo>> allocations();

  /** Puts one device in its safe state (allocations through it are failed or rerouted). */
  CompletableFuture<DeviceStatus> safeDevice(String deviceId);

  /** Acknowledges a device's latched fault (or leaves SAFE); the device decides if it may. */
  CompletableFuture<DeviceStatus> clearFault(String deviceId);

  /** Switches the allocation policy from the next epoch; returns the previous policy's name. */
  CompletableFuture<String> switchPolicy(String name);

  /** Stops new allocations through {@code node}; running ones finish. */
  CompletableFuture<Void> drain(String node);

  CompletableFuture<Void> undrain(String node);

  /**
   * Emergency stop: every device to its safe state, every allocation ended, none started.
   * Completes once every device reports SAFE, or the command timeout has passed.
   */
  CompletableFuture<Void> estop();

  /**
   * Leaves an emergency stop: devices in SAFE are cleared, allocation resumes. A device the
   * operator put SAFE by itself ({@link #safeDevice}) stays SAFE until its own
   * {@link #clearFault}, unless {@code all}.
   */
  CompletableFuture<Void> resume(boolean all);

  /** {@link #resume(boolean)} that keeps the devices an operator put SAFE one by one. */
  default CompletableFuture<Void> resume() {
    return resume(false);
  }

  CompletableFuture<Summary> metrics();

  CompletableFuture<TopologyInfo> topology();
}
