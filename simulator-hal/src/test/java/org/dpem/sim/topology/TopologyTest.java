package org.dpem.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void paperMeshHas100ConnectedNodesWithTheRequestedDegreeAndRanges() {
    Topology t = RandomMesh.paper().generate(17);
    assertThat(t.nodes()).hasSize(100);
    assertThat(t.connected()).isTrue();
    assertThat(t.averageDegree()).isCloseTo(4.0, within(0.011));
    for (NodeSpec n : t.nodes()) {
      assertThat(n.source().maxRatePairsPerSecond()).isBetween(0.0, 10.0);
      assertThat(n.memory().swapCapacityPerSecond()).isBetween(0.0, 5.0);
    }
    double meanRate = t.nodes().stream().mapToDouble(n -> n.source().maxRatePairsPerSecond()).average().orElseThrow();
    double meanSwap = t.nodes().stream().mapToDouble(n -> n.memory().swapCapacityPerSecond()).average().orElseThrow();
    // U(0,10) mean 5, sd of the mean 10/sqrt(12)/10 = 0.29; U(0,5) mean 2.5, sd 0.14
    assertThat(meanRate).isCloseTo(5, within(1.2));
    assertThat(meanSwap).isCloseTo(2.5, within(0.6));
    for (LinkSpec l : t.links()) {
      assertThat(l.lengthKm()).isPositive().isLessThan(100 * Math.sqrt(2));
    }
  }

  @Test
  void generationIsAFunctionOfTheSeed() {
    assertThat(RandomMesh.paper().generate(3)).isEqualTo(RandomMesh.paper().generate(3));
    assertThat(RandomMesh.paper().generate(3)).isNotEqualTo(RandomMesh.paper().generate(4));
    Waxman w = new Waxman(50, 0.3, 0.6, 100, 0.2, 10, 5, NodeTemplate.defaults());
    assertThat(w.generate(8)).isEqualTo(w.generate(8));
  }

  @Property(tries = 30)
  void meshesAreAlwaysConnectedWithExactDegree(@ForAll @IntRange(min = 2, max = 60) int n,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    double degree = Math.min(n - 1, 3.0);
    Topology t = new RandomMesh(n, degree, 50, 0.2, 10, 5, NodeTemplate.defaults()).generate(seed);
    assertThat(t.connected()).isTrue();
    assertThat(t.links()).hasSize((int) Math.round(degree * n / 2));
  }

  @Property(tries = 30)
  void waxmanGraphsAreConnected(@ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    Topology t = new Waxman(n, 0.1, 0.2, 100, 0.2, 10, 5, NodeTemplate.defaults()).generate(seed);
    assertThat(t.connected()).isTrue();
    assertThat(t.nodes()).hasSize(n);
  }

  @Test
  void waxmanPrefersShortLinks() {
    Topology t = new Waxman(80, 0.15, 0.8, 100, 0.2, 10, 5, NodeTemplate.defaults()).generate(1);
    double meanLink = t.links().stream().mapToDouble(LinkSpec::lengthKm).average().orElseThrow();
    // two random points in a 100 km square are 52 km apart on average
    assertThat(meanLink).isLessThan(40);
  }

  @Test
  void chainAndGrid() {
    Topology c = Lattices.chain(4, 25, 0.2, 8, 3, NodeTemplate.defaults());
    assertThat(c.nodes()).hasSize(5);
    assertThat(c.shortestPath("n0", "n4").orElseThrow()).containsExactly("n0", "n1", "n2", "n3", "n4");
    Topology g = Lattices.grid(3, 4, 10, 0.2, 8, 3, NodeTemplate.defaults());
    assertThat(g.links()).hasSize(3 * 3 + 2 * 4);
    assertThat(g.shortestPath("n0", "n11").orElseThrow()).hasSize(6);
    assertThat(g.adjacency().get("n5")).containsExactlyInAnyOrder("n4", "n6", "n1", "n9");
  }

  @Test
  void explicitTopologiesAreValidatedWithNamedErrors() {
    NodeSpec a = NodeSpec.of("a", 0, 0, NodeTemplate.defaults(), 5, 1);
    NodeSpec b = NodeSpec.of("b", 0, 0, NodeTemplate.defaults(), 5, 1);
    assertThatThrownBy(() -> new Topology(List.of(a, a), List.of())).hasMessageContaining("'a' appears twice");
    assertThatThrownBy(() -> new Topology(List.of(a, b), List.of(new LinkSpec("a", "c", 1, 0.2))))
        .hasMessageContaining("unknown node 'c'");
    assertThatThrownBy(() -> new Topology(List.of(a, b),
        List.of(new LinkSpec("a", "b", 1, 0.2), new LinkSpec("b", "a", 2, 0.2)))).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> new LinkSpec("a", "b", -1, 0.2)).hasMessageContaining("length");
    assertThatThrownBy(() -> new RandomMesh(10, 12, 10, 0.2, 10, 5, NodeTemplate.defaults())).hasMessageContaining("average degree");
  }
}
