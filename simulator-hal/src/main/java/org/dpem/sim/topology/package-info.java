/**
 * Network descriptions as plain records ({@link org.dpem.sim.topology.Topology},
 * {@link org.dpem.sim.topology.NodeSpec}, {@link org.dpem.sim.topology.LinkSpec}) and generators:
 * the paper's {@link org.dpem.sim.topology.RandomMesh}, {@link org.dpem.sim.topology.Waxman},
 * chains and grids ({@link org.dpem.sim.topology.Lattices}).
 */
package org.dpem.sim.topology;
