package org.dpem.config.workload;

/** When requests arrive (and, for hotspots, between which nodes). */
public sealed interface ArrivalSpec permits PoissonArrivals, DiurnalArrivals, BurstyArrivals, HotspotArrivals, TraceArrivals,
    MixedArrivals {
  WorkloadType type();
}
