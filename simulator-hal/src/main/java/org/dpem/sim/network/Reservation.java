package org.dpem.sim.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;

/**
 * The slots one allocation holds in one memory, split by link side, and the swaps it asked
 * for. Each side may fill at most {@code slots - (sides - 1)} slots so that one busy link can
 * never starve the other side of a swap.
 */
final class Reservation {
  final AllocationId allocation;
  int slots;
  List<NodeId> peers;
  final List<ArrayDeque<Half>> bySide = new ArrayList<>();
  /** Standing swap rules as (left, right) index pairs into {@link #peers}. */
  final List<int[]> swaps = new ArrayList<>();
  int used;
  /** A stock holding: its pairs wait for a hand-over and are never swapped nor delivered. */
  final boolean stock;

  Reservation(AllocationId allocation, int slots, List<NodeId> peers, boolean stock) {
    this.allocation = allocation;
    this.stock = stock;
    this.slots = slots;
    setPeers(peers);
  }

  void setPeers(List<NodeId> newPeers) {
    peers = List.copyOf(newPeers);
    bySide.clear();
    for (int i = 0; i < peers.size(); i++) {
      bySide.add(new ArrayDeque<>());
    }
    swaps.clear();
  }

  int sideIndex(NodeId peer) {
    return peers.indexOf(peer);
  }

  int sideQuota() {
    return slots - (peers.size() - 1);
  }

  boolean hasRoom(int side) {
    return side >= 0 && used < slots && bySide.get(side).size() < sideQuota();
  }

  /** Whether a swap rule consumes halves on {@code side}. */
  boolean swapsSide(int side) {
    for (int[] s : swaps) {
      if (s[0] == side || s[1] == side) {
        return true;
      }
    }
    return false;
  }
}
