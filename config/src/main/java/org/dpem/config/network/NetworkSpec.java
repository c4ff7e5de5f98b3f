package org.dpem.config.network;

import java.util.List;

/**
 * The network to control: either written out ({@link ExplicitNetwork}) or drawn by a generator
 * from a seed ({@link GeneratorSpec}).
 */
public sealed interface NetworkSpec permits ExplicitNetwork, GeneratorSpec {

  /** The node ids, in order. Generated networks name their nodes {@code n0 .. n(N-1)}. */
  List<String> nodeIds();
}
