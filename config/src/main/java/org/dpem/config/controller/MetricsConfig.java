package org.dpem.config.controller;

import java.util.OptionalInt;

/** Metrics export; a Prometheus scrape endpoint only when a port is given. */
public record MetricsConfig(OptionalInt prometheusPort) {
  public static final MetricsConfig DEFAULT = new MetricsConfig(OptionalInt.empty());
}
