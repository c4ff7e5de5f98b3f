package org.dpem.controller.admin;

import java.util.List;

/** A node with its devices and neighbouring nodes. */
public record NodeDetail(NodeSummary node, List<DeviceSummary> devices, List<String> neighbours) {
  public NodeDetail {
    devices = List.copyOf(devices);
    neighbours = List.copyOf(neighbours);
  }
}
