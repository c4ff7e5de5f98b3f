package org.dpem.controller.reserve;

import java.util.Objects;
import org.dpem.controller.topology.CandidatePath;

/**
 * A policy's ask for one request in one epoch: serve it along {@code path} at {@code rate}
 * end-to-end pairs per second, or at any lower rate down to {@code minRate} if that is all that
 * fits. A request a policy leaves out of its claims waits.
 *
 * <p>A <b>fallback</b> claim is an alternative, as a reservation request carries ranked routes
 * in a distributed control plane: it is tried only if every claim before it for the same request
 * was refused, so that a node that cannot see other nodes' claims loses no epoch to a collision.
 * It counts in contention like any claim.
 *
 * @param requestId the request
 * @param path one of the request's candidate paths
 * @param rate wanted end-to-end pairs per second
 * @param minRate the least rate worth having; equal to {@code rate} for all-or-nothing
 * @param fallback whether this claim is an alternative to the request's claims before it
 */
public record Claim(long requestId, CandidatePath path, double rate, double minRate, boolean fallback) {
  public Claim {
    Objects.requireNonNull(path, "path");
    if (!(rate > 0) || !(minRate > 0) || minRate > rate) {
      throw new IllegalArgumentException("claim for request " + requestId + ": need 0 < minRate <= rate, got "
          + minRate + ", " + rate);
    }
  }

  /** A claim in its own right (not a fallback). */
  public Claim(long requestId, CandidatePath path, double rate, double minRate) {
    this(requestId, path, rate, minRate, false);
  }

  /** This claim as a fallback for the request's claims before it. */
  public Claim asFallback() {
    return new Claim(requestId, path, rate, minRate, true);
  }
}
