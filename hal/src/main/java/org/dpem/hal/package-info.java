/**
 * The hardware abstraction the controller codes against.
 *
 * <p>A {@link org.dpem.hal.TrustedNode} groups the {@link org.dpem.hal.Device devices} of one
 * site. Devices are found by capability ({@link org.dpem.hal.PairSource}, {@link
 * org.dpem.hal.QuantumMemory}, {@link org.dpem.hal.BellStateAnalyzer}) in the manner of ONOS
 * behaviours, rather than through one interface that every device half-implements. Every command
 * is an immutable {@link org.dpem.hal.command.DeviceCommand} record that passes the device's
 * {@link org.dpem.hal.safety.SafetyInterlock} before it leaves the host; results come back as
 * {@link java.util.concurrent.CompletionStage}s and everything the equipment says on its own
 * (heralds, outcomes, faults, telemetry) arrives as {@link org.dpem.hal.event.DeviceEvent}s.
 *
 * <p>This package depends on nothing but the JDK; drivers and the simulator implement it.
 */
package org.dpem.hal;
