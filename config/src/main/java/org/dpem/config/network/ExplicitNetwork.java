package org.dpem.config.network;

import java.util.List;

/** A network written out node by node and link by link. */
public record ExplicitNetwork(List<NodeSpec> nodes, List<LinkSpec> links) implements NetworkSpec {

  public ExplicitNetwork {
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
  }

  @Override
  public List<String> nodeIds() {
    return nodes.stream().map(NodeSpec::id).toList();
  }
}
