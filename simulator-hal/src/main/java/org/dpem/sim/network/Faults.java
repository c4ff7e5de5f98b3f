package org.dpem.sim.network;

import org.dpem.hal.DeviceId;
import org.dpem.hal.NodeId;
import org.dpem.hal.event.DeviceEvent;

/**
 * Fault injection for a {@link SimNetwork}, reaching the controller exactly as equipment faults
 * do: through device states, {@code Fault} events and result codes.
 *
 * <table>
 *   <caption>What each fault does</caption>
 *   <tr><th>fault</th><th>state / events</th><th>commands then get</th></tr>
 *   <tr><td>{@link #failDevice}</td><td>FAULT (latched {@code Fault} event, StateChanged);
 *       everything it held or did is dropped</td><td>FAULTED until {@code clear-fault}</td></tr>
 *   <tr><td>{@link #memoryFault}</td><td>as failDevice on the node's memory, code
 *       {@code MEMORY_FAULT}: stored qubits are lost (their pairs die at both ends)</td>
 *       <td>FAULTED</td></tr>
 *   <tr><td>{@link #loseDevice}</td><td>LOST; everything dropped</td><td>UNREACHABLE until
 *       {@link #restoreDevice} (CONNECTING then READY)</td></tr>
 *   <tr><td>{@link #cutLink}</td><td>no light gets through: no heralds; the analyzers at both ends
 *       send a non-latched {@code LINK_DOWN} fault; pairs already stored survive</td>
 *       <td>OK (nothing refused)</td></tr>
 *   <tr><td>{@link #slowDevice}</td><td>DEGRADED; acknowledgements (and effects) come later</td>
 *       <td>TIMEOUT at the deadline if the ack would miss it (the command is not acted on)</td></tr>
 * </table>
 */
public final class Faults {
  private final SimNetwork net;

  Faults(SimNetwork net) {
    this.net = net;
  }

  /** A latched fault on {@code device} with {@code code} (e.g. {@code LASER_OVERTEMP}). */
  public void failDevice(DeviceId device, String code, String message) {
    net.simDevice(device).fault(code, message);
  }

  /** The memory at {@code node} loses its stored qubits and latches {@code MEMORY_FAULT}. */
  public void memoryFault(NodeId node) {
    SimQuantumMemory m = net.memoryAt(node);
    if (m == null) {
      throw new IllegalArgumentException("node " + node + " has no memory");
    }
    m.fault("MEMORY_FAULT", "stored qubits lost (injected)");
  }

  /** Contact with {@code device} is lost. */
  public void loseDevice(DeviceId device, String reason) {
    net.simDevice(device).lose(reason);
  }

  /** A lost device answers again. */
  public void restoreDevice(DeviceId device) {
    net.simDevice(device).restore();
  }

  /** Acknowledgements from {@code device} take {@code ackDelayNanos} (0 restores it). */
  public void slowDevice(DeviceId device, long ackDelayNanos) {
    net.simDevice(device).slow(ackDelayNanos);
  }

  /** Cuts the fibre between {@code a} and {@code b}. */
  public void cutLink(NodeId a, NodeId b) {
    SimLink l = requireLink(a, b);
    if (!l.up) {
      return;
    }
    l.up = false;
    net.configChanged();
    for (NodeId end : new NodeId[] {a, b}) {
      SimBellStateAnalyzer an = net.analyzerAt(end);
      if (an != null) {
        an.notice("LINK_DOWN", "no light from " + (end.equals(a) ? b : a) + " (fibre cut)");
      }
    }
  }

  /** Repairs the fibre; the analyzers at both ends report {@code link.<peer>.up = 1} telemetry. */
  public void restoreLink(NodeId a, NodeId b) {
    SimLink l = requireLink(a, b);
    if (l.up) {
      return;
    }
    l.up = true;
    net.configChanged();
    for (NodeId end : new NodeId[] {a, b}) {
      SimBellStateAnalyzer an = net.analyzerAt(end);
      if (an != null && an.listened()) {
        NodeId other = end.equals(a) ? b : a;
        an.publish(new DeviceEvent.Telemetry(net.engine().now(), an.id(),
            java.util.Map.of("link." + other + ".up", 1.0)));
      }
    }
  }

  private SimLink requireLink(NodeId a, NodeId b) {
    SimLink l = net.link(a, b);
    if (l == null) {
      throw new IllegalArgumentException("no link " + a + "-" + b);
    }
    return l;
  }
}
