package org.dpem.controller.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dpem.hal.NodeId;

/**
 * The static network: nodes with their capacities and the links between them, each node with a
 * dense index so per-node tables can be arrays. Immutable.
 *
 * <p>Each link has one <em>generating</em> end, the node whose source makes the link's pairs: the
 * end with the larger generation rate (ties: the smaller id). Generation capacity is therefore a
 * per-node resource shared by the links a node serves, as in the paper's scenario.
 *
 * <p>A node's generation rate counts either attempts (emitted pairs) or, when the model is built
 * with a heralded budget, heralded link pairs: {@link #generationPerPair} converts.
 */
public final class NetworkModel {
  private final List<NodeInfo> nodes;
  private final List<LinkInfo> links;
  private final Map<NodeId, Integer> index = new HashMap<>();
  private final Map<Long, Integer> linkByPair = new HashMap<>();
  private final List<List<Integer>> linksAt;
  private final boolean heraldedBudget;

  /** A model whose generation rates count attempts (emitted pairs) per second. */
  public NetworkModel(List<NodeInfo> nodes, List<LinkInfo> links) {
    this(nodes, links, false);
  }

  /**
   * @param heraldedBudget whether each node's generation rate counts heralded link pairs per
   *     second (a budget) rather than attempts
   */
  public NetworkModel(List<NodeInfo> nodes, List<LinkInfo> links, boolean heraldedBudget) {
    this.heraldedBudget = heraldedBudget;
    this.nodes = List.copyOf(nodes);
    this.links = List.copyOf(links);
    for (int i = 0; i < this.nodes.size(); i++) {
      if (index.put(this.nodes.get(i).id(), i) != null) {
        throw new IllegalArgumentException("node " + this.nodes.get(i).id() + " appears twice");
      }
    }
    List<List<Integer>> at = new ArrayList<>();
    for (int i = 0; i < this.nodes.size(); i++) {
      at.add(new ArrayList<>());
    }
    for (int l = 0; l < this.links.size(); l++) {
      LinkInfo li = this.links.get(l);
      int a = indexOrThrow(li.a(), "link " + li.a() + "-" + li.b());
      int b = indexOrThrow(li.b(), "link " + li.a() + "-" + li.b());
      if (linkByPair.put(pairKey(a, b), l) != null) {
        throw new IllegalArgumentException("link " + li.a() + "-" + li.b() + " appears twice");
      }
      at.get(a).add(l);
      at.get(b).add(l);
    }
    this.linksAt = at.stream().map(Collections::unmodifiableList).toList();
  }

  private int indexOrThrow(NodeId id, String where) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException(where + " names unknown node " + id);
    }
    return i;
  }

  private static long pairKey(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    return ((long) lo << 32) | hi;
  }

  public List<NodeInfo> nodes() {
    return nodes;
  }

  public List<LinkInfo> links() {
    return links;
  }

  public int nodeCount() {
    return nodes.size();
  }

  /** The node's dense index, or -1 if unknown. */
  public int indexOf(NodeId id) {
    Integer i = index.get(id);
    return i == null ? -1 : i;
  }

  public boolean contains(NodeId id) {
    return index.containsKey(id);
  }

  public NodeInfo node(int i) {
    return nodes.get(i);
  }

  public Optional<NodeInfo> node(NodeId id) {
    int i = indexOf(id);
    return i < 0 ? Optional.empty() : Optional.of(nodes.get(i));
  }

  /** Index of the link between nodes {@code a} and {@code b} (indices), or -1. */
  public int linkBetween(int a, int b) {
    Integer l = linkByPair.get(pairKey(a, b));
    return l == null ? -1 : l;
  }

  /** Indices of the links at node {@code i}. */
  public List<Integer> linksAt(int i) {
    return linksAt.get(i);
  }

  /** Index of the node whose source generates link {@code l}'s pairs. */
  public int generatingEnd(int l) {
    LinkInfo li = links.get(l);
    int a = index.get(li.a());
    int b = index.get(li.b());
    double ra = nodes.get(a).generationRate();
    double rb = nodes.get(b).generationRate();
    if (ra != rb) {
      return ra > rb ? a : b;
    }
    return li.a().compareTo(li.b()) <= 0 ? a : b;
  }

  /** Whether generation rates count heralded pairs rather than attempts. */
  public boolean heraldedBudget() {
    return heraldedBudget;
  }

  /**
   * Generation capacity one heralded pair of link {@code l} uses: 1 under a heralded budget,
   * else the attempts it takes, 1 / (herald probability).
   */
  public double generationPerPair(int l) {
    return heraldedBudget ? 1 : 1 / links.get(l).successProbability();
  }

  /**
   * Generation capacity one attempt (emitted pair) on link {@code l} uses: its herald probability
   * under a heralded budget, else 1. Sources are commanded in attempts; the ledger counts capacity.
   */
  public double generationPerAttempt(int l) {
    return heraldedBudget ? links.get(l).successProbability() : 1;
  }

  /** Heralded pairs per second link {@code l} gives with its generating end's whole capacity. */
  public double heraldRate(int l) {
    return nodes.get(generatingEnd(l)).generationRate() / generationPerPair(l);
  }

  /** The best herald fidelity of any link: bounds the hops any floor allows. */
  public double bestLinkFidelity() {
    double best = 0;
    for (LinkInfo l : links) {
      best = Math.max(best, l.fidelity());
    }
    return best;
  }
}
