/**
 * Request workloads: {@link org.dpem.sim.workload.Request}, arrival processes (Poisson, diurnal,
 * bursty), pair choice (uniform, hotspot), generation from a seed
 * ({@link org.dpem.sim.workload.Workload}) and CSV traces ({@link org.dpem.sim.workload.TraceFile}).
 */
package org.dpem.sim.workload;
