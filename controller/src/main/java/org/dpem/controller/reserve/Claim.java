package org.dpem.controller.reserve;

import java.util.Objects;
import org.dpem.controller.topology.CandidatePath;

/**
 * A policy's ask for one request in one epoch: serve it along {@code path} at {@code rate}
 * end-to-end pairs per second, or at any lower rate down to {@code minRate} if that is all that
 * fits. A request a policy leaves out of its claims waits.
 *
 * @param requestId the request
 * @param path one of the request's candidate paths
 * @param rate wanted end-to-end pairs per second
 * @param minRate the least rate worth having; equal to {@code rate} for all-or-nothing
 */
public record Claim(long requestId, CandidatePath path, double rate, double minRate) {
  public Claim {
    Objects.requireNonNull(path, "path");
    if (!(rate > 0) || !(minRate > 0) || minRate > rate) {
      throw new IllegalArgumentException("claim for request " + requestId + ": need 0 < minRate <= rate, got "
          + minRate + ", " + rate);
    }
  }
}
