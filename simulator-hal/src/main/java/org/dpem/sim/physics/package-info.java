/**
 * Physics as pure functions and small values: fibre loss and delay, detection, Bell-diagonal
 * states, decoherence (depolarizing and T1/T2), swapping, purification. Formulas and pinned values
 * follow the team's physics notes.
 */
package org.dpem.sim.physics;
