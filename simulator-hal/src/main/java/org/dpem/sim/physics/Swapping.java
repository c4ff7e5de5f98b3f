package org.dpem.sim.physics;

/** Entanglement swapping and the hop limit it implies. */
public final class Swapping {
  private Swapping() {}

  /**
   * The pair left after a Bell measurement on one half of each of two Bell-diagonal pairs (ideal
   * operations, Pauli correction applied): the composition of their error distributions. For
   * Werner pairs the Werner parameters multiply, w = w1 w2.
   */
  public static BellDiagonal swap(BellDiagonal left, BellDiagonal right) {
    return left.compose(right);
  }

  /**
   * A swap with gate and measurement error {@code e}, modelled as a depolarizing step on the
   * output: (1 - e) swap(left, right) + e I/4.
   */
  public static BellDiagonal swap(BellDiagonal left, BellDiagonal right, double e) {
    return e == 0 ? swap(left, right) : swap(left, right).depolarize(1 - e);
  }

  /** F = F1 F2 + (1 - F1)(1 - F2) / 3 for Werner pairs of fidelities F1, F2. */
  public static double swapWerner(double f1, double f2) {
    return f1 * f2 + (1 - f1) * (1 - f2) / 3;
  }

  /** Werner parameter w = (4F - 1) / 3. */
  public static double wernerParameter(double f) {
    return (4 * f - 1) / 3;
  }

  /** Fidelity of a Werner state with parameter w: F = (3w + 1) / 4. */
  public static double fidelityOfWernerParameter(double w) {
    return (3 * w + 1) / 4;
  }

  /**
   * Largest number of hops whose end-to-end Werner fidelity stays at or above {@code fRequired}
   * with per-link fidelity {@code fLink} (perfect swaps, no decay):
   * l_max = floor( ln((4 F_req - 1)/3) / ln((4 F - 1)/3) ).
   */
  public static int hopLimit(double fRequired, double fLink) {
    double wReq = wernerParameter(fRequired);
    double wLink = wernerParameter(fLink);
    if (!(wReq > 0 && wReq <= 1) || !(wLink > 0 && wLink <= 1)) {
      throw new IllegalArgumentException("fidelities must lie in (1/4, 1]: required " + fRequired
          + ", link " + fLink);
    }
    if (wLink == 1) {
      return Integer.MAX_VALUE;
    }
    // a tiny tolerance so exact boundary cases (F_req equal to an l-hop fidelity) count
    return (int) Math.floor(Math.log(wReq) / Math.log(wLink) + 1e-12);
  }
}
