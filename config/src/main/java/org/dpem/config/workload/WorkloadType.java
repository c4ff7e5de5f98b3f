package org.dpem.config.workload;

/** YAML names {@code poisson}, {@code diurnal}, {@code bursty}, {@code hotspot}, {@code trace}, {@code mixed}. */
public enum WorkloadType { POISSON, DIURNAL, BURSTY, HOTSPOT, TRACE, MIXED }
