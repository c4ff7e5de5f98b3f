/**
 * The discrete-event core: {@link org.dpem.sim.engine.SimEngine} (virtual nanoseconds, a heap
 * ordered by time then insertion), {@link org.dpem.sim.engine.SimTimeBase} (the HAL time base on
 * virtual time), per-component {@link org.dpem.sim.engine.RandomStreams} and byte-exact
 * {@link org.dpem.sim.engine.ByteTrace}s for determinism checks.
 */
package org.dpem.sim.engine;
