package org.dpem.sim.physics;

/** Entanglement purification: two pairs in, one better pair out with some probability. */
public final class Purification {
  private Purification() {}

  /** Output of one purification round. */
  public record Result(BellDiagonal state, double successProbability) {
    public double fidelity() {
      return state.fidelity();
    }
  }

  /**
   * BBPSSW on two Werner pairs of fidelity F (the output is re-twirled to Werner):
   * p = F^2 + 2F(1-F)/3 + 5((1-F)/3)^2, F' = [F^2 + ((1-F)/3)^2] / p.
   */
  public static Result bbpssw(double f) {
    Detection.probability(f, "fidelity");
    double o = (1 - f) / 3;
    double p = f * f + 2 * f * (1 - f) / 3 + 5 * o * o;
    double fOut = (f * f + o * o) / p;
    return new Result(BellDiagonal.werner(fOut), p);
  }

  /**
   * DEJMPS on two copies of a Bell-diagonal state (A, B, C, D) in {@link BellDiagonal}'s order:
   * N = (A+B)^2 + (C+D)^2; A' = (A^2+B^2)/N, B' = 2CD/N, C' = (C^2+D^2)/N, D' = 2AB/N.
   */
  public static Result dejmps(BellDiagonal s) {
    double a = s.a();
    double b = s.b();
    double c = s.c();
    double d = s.d();
    double n = (a + b) * (a + b) + (c + d) * (c + d);
    return new Result(new BellDiagonal((a * a + b * b) / n, 2 * c * d / n, (c * c + d * d) / n,
        2 * a * b / n), n);
  }
}
