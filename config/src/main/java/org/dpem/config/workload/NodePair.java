package org.dpem.config.workload;

import java.util.Objects;

/** A source-destination pair of node ids. */
public record NodePair(String source, String destination) {
  public NodePair {
    Objects.requireNonNull(source);
    Objects.requireNonNull(destination);
  }
}
