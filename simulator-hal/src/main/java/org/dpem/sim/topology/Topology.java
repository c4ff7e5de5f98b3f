package org.dpem.sim.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A network as plain values: nodes with their equipment, and links. Validated on construction
 * (unique ids, links between known nodes, no duplicate links), with errors naming the offender.
 *
 * @param nodes nodes in a stable order
 * @param links links in a stable order
 */
public record Topology(List<NodeSpec> nodes, List<LinkSpec> links) {
  public Topology {
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
    Set<String> ids = new HashSet<>();
    for (NodeSpec n : nodes) {
      if (!ids.add(n.id())) {
        throw new IllegalArgumentException("node id '" + n.id() + "' appears twice");
      }
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < links.size(); i++) {
      LinkSpec l = links.get(i);
      for (String end : List.of(l.a(), l.b())) {
        if (!ids.contains(end)) {
          throw new IllegalArgumentException("link #" + i + " (" + l.a() + "-" + l.b()
              + ") names unknown node '" + end + "'");
        }
      }
      String key = l.a().compareTo(l.b()) < 0 ? l.a() + "\u0000" + l.b() : l.b() + "\u0000" + l.a();
      if (!seen.add(key)) {
        throw new IllegalArgumentException("link " + l.a() + "-" + l.b() + " appears twice");
      }
    }
  }

  public Optional<NodeSpec> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  public Optional<LinkSpec> link(String a, String b) {
    return links.stream().filter(l -> l.joins(a, b)).findFirst();
  }

  /** Neighbours of every node, in link order. */
  public Map<String, List<String>> adjacency() {
    Map<String, List<String>> adj = new LinkedHashMap<>();
    for (NodeSpec n : nodes) {
      adj.put(n.id(), new ArrayList<>());
    }
    for (LinkSpec l : links) {
      adj.get(l.a()).add(l.b());
      adj.get(l.b()).add(l.a());
    }
    adj.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(adj);
  }

  /** 2 |links| / |nodes|. */
  public double averageDegree() {
    return nodes.isEmpty() ? 0 : 2.0 * links.size() / nodes.size();
  }

  /** Whether every node can reach every other. */
  public boolean connected() {
    if (nodes.isEmpty()) {
      return true;
    }
    Map<String, List<String>> adj = adjacency();
    Set<String> reached = new HashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>();
    todo.add(nodes.get(0).id());
    reached.add(nodes.get(0).id());
    while (!todo.isEmpty()) {
      for (String m : adj.get(todo.poll())) {
        if (reached.add(m)) {
          todo.add(m);
        }
      }
    }
    return reached.size() == nodes.size();
  }

  /** A shortest path by hop count from {@code src} to {@code dst} (inclusive), if any. */
  public Optional<List<String>> shortestPath(String src, String dst) {
    Map<String, List<String>> adj = adjacency();
    if (!adj.containsKey(src) || !adj.containsKey(dst)) {
      throw new IllegalArgumentException("unknown node in path " + src + " -> " + dst);
    }
    Map<String, String> parent = new LinkedHashMap<>();
    parent.put(src, src);
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(src));
    while (!todo.isEmpty()) {
      String n = todo.poll();
      if (n.equals(dst)) {
        List<String> path = new ArrayList<>();
        for (String c = dst; ; c = parent.get(c)) {
          path.add(c);
          if (c.equals(src)) {
            break;
          }
        }
        Collections.reverse(path);
        return Optional.of(List.copyOf(path));
      }
      for (String m : adj.get(n)) {
        if (!parent.containsKey(m)) {
          parent.put(m, n);
          todo.add(m);
        }
      }
    }
    return Optional.empty();
  }
}
