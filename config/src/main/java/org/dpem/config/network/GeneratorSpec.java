package org.dpem.config.network;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.dpem.config.Range;

/**
 * A network drawn from a seed. Per node, the generation rate and repeater capacity are drawn
 * uniformly from their ranges; per link, the length from {@code linkLengthKm}. The same seed gives
 * the same network.
 *
 * @param type which generator
 * @param nodes node count (for {@code chain} it is hops + 1, for {@code grid} rows * cols)
 * @param averageDegree target mean degree ({@code random-mesh})
 * @param alpha Waxman distance scale, in (0, 1]
 * @param beta Waxman link density, in (0, 1]
 * @param areaKm side of the square nodes are placed in ({@code waxman}; also positions for others)
 * @param rows grid rows
 * @param cols grid columns
 * @param hops chain links
 * @param seed random seed
 * @param linkLengthKm range of link lengths
 * @param attenuationDbPerKm fibre loss for every generated link
 * @param generationRatePairsPerS range of per-node source rates (paper: 0-10 pairs/s)
 * @param repeaterCapacityPairsPerS range of per-node swap capacities (paper: 0-5 pairs/s)
 * @param memorySlots memory slots per node
 * @param coherenceTimeS memory coherence time
 * @param sourceFidelity fidelity of freshly generated pairs
 * @param generationReading whether {@code generationRatePairsPerS} counts heralded pairs (a budget)
 *     or emitted pairs
 */
public record GeneratorSpec(
    GeneratorType type,
    int nodes,
    double averageDegree,
    double alpha,
    double beta,
    double areaKm,
    int rows,
    int cols,
    int hops,
    long seed,
    Range linkLengthKm,
    double attenuationDbPerKm,
    Range generationRatePairsPerS,
    Range repeaterCapacityPairsPerS,
    int memorySlots,
    double coherenceTimeS,
    double sourceFidelity,
    GenerationReading generationReading) implements NetworkSpec {

  /** The paper's scenario: a connected 100-node random mesh. */
  public static final GeneratorSpec PAPER = new GeneratorSpec(GeneratorType.RANDOM_MESH, 100, 4.0, 0.4, 0.4, 100.0,
      0, 0, 0, 1L, new Range(10, 50), LinkSpec.DEFAULT_ATTENUATION_DB_PER_KM, new Range(0, 10), new Range(0, 5),
      10, 1.0, 0.95, GenerationReading.EMISSION);

  public GeneratorSpec {
    Objects.requireNonNull(type);
    Objects.requireNonNull(linkLengthKm);
    Objects.requireNonNull(generationRatePairsPerS);
    Objects.requireNonNull(repeaterCapacityPairsPerS);
    Objects.requireNonNull(generationReading);
  }

  /** Node ids {@code n0 .. n(nodes-1)}; grid node (r, c) is {@code n(r*cols + c)}. */
  @Override
  public List<String> nodeIds() {
    return IntStream.range(0, nodes).mapToObj(GeneratorSpec::nodeId).toList();
  }

  public static String nodeId(int index) {
    return "n" + index;
  }

  /** Link count when the generator fixes it (chain, grid, random mesh); empty for Waxman. */
  public OptionalInt expectedLinkCount() {
    return switch (type) {
      case CHAIN -> OptionalInt.of(hops);
      case GRID -> OptionalInt.of(rows * (cols - 1) + cols * (rows - 1));
      case RANDOM_MESH -> OptionalInt.of((int) Math.round(nodes * averageDegree / 2));
      case WAXMAN -> OptionalInt.empty();
    };
  }
}
