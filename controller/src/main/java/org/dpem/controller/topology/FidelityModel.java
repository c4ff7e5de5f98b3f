package org.dpem.controller.topology;

/**
 * The Werner-state arithmetic the controller uses to estimate path fidelity (see NOTES-PHYSICS):
 * swapping multiplies Werner parameters {@code w = (4F - 1) / 3}; a stored pair decays as
 * {@code w(t) = w exp(-k t / T)} with k stored halves.
 */
public final class FidelityModel {
  private FidelityModel() {}

  public static double werner(double fidelity) {
    return (4 * fidelity - 1) / 3;
  }

  public static double fidelity(double werner) {
    return (3 * werner + 1) / 4;
  }

  /** Fidelity after swapping two Werner pairs of fidelities f1 and f2 with perfect operations. */
  public static double swap(double f1, double f2) {
    return fidelity(werner(f1) * werner(f2));
  }

  /** Fidelity of a pair stored for {@code seconds} with {@code halves} halves decaying. */
  public static double decay(double fidelity, int halves, double seconds, double coherenceS) {
    return fidelity(werner(fidelity) * Math.exp(-halves * seconds / coherenceS));
  }

  /**
   * The most hops a path of links of fidelity {@code linkFidelity} can have and still meet
   * {@code floor}: {@code floor(ln w_floor / ln w_link)}; 0 if even one link falls short, and
   * {@link Integer#MAX_VALUE} for perfect links.
   */
  public static int hopLimit(double floor, double linkFidelity) {
    if (linkFidelity < floor) {
      return 0;
    }
    double wl = werner(linkFidelity);
    double wf = werner(floor);
    if (wl >= 1 || wf <= 0) {
      return Integer.MAX_VALUE;
    }
    // A small tolerance so that floating error does not cost a hop exactly at the boundary.
    return (int) Math.floor(Math.log(wf) / Math.log(wl) + 1e-9);
  }
}
