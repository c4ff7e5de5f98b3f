package org.dpem.sim.physics;

/**
 * A two-qubit Bell-diagonal state by its four weights, in the DEJMPS order: {@code a} on
 * Phi+ (the target state, so {@code a} is the fidelity), {@code b} on Psi-, {@code c} on Psi+,
 * {@code d} on Phi-. Read as Pauli errors on one half of Phi+: a = I, c = X, d = Z, b = Y. Every
 * operation here (Pauli channels, depolarizing, swapping) keeps a state Bell-diagonal, so these
 * four numbers are the exact state, not a heuristic.
 */
public record BellDiagonal(double a, double b, double c, double d) {
  private static final double TOLERANCE = 1e-9;

  /** The maximally mixed state (fidelity 1/4). */
  public static final BellDiagonal MIXED = new BellDiagonal(0.25, 0.25, 0.25, 0.25);
  /** A perfect Phi+ pair. */
  public static final BellDiagonal PERFECT = new BellDiagonal(1, 0, 0, 0);

  public BellDiagonal {
    if (!(a >= -TOLERANCE && b >= -TOLERANCE && c >= -TOLERANCE && d >= -TOLERANCE)
        || Math.abs(a + b + c + d - 1) > 1e-6) {
      throw new IllegalArgumentException("Bell-diagonal weights must be >= 0 and sum to 1, got "
          + a + ", " + b + ", " + c + ", " + d);
    }
  }

  /** The Werner state of fidelity {@code f}: weight f on Phi+, (1-f)/3 on each other state. */
  public static BellDiagonal werner(double f) {
    Detection.probability(f, "fidelity");
    double o = (1 - f) / 3;
    return new BellDiagonal(f, o, o, o);
  }

  /** Fidelity with Phi+. */
  public double fidelity() {
    return a;
  }

  /** The Werner parameter w = (4F - 1) / 3 of a state with this fidelity. */
  public double wernerParameter() {
    return (4 * a - 1) / 3;
  }

  /** Error rate measured in the Z basis (X and Y errors flip it). */
  public double qberZ() {
    return c + b;
  }

  /** Error rate measured in the X basis (Z and Y errors flip it). */
  public double qberX() {
    return d + b;
  }

  /** Error rate measured in the Y basis (X and Z errors flip it). */
  public double qberY() {
    return c + d;
  }

  /** Fidelity from the three error rates: F = 1 - (Q_X + Q_Y + Q_Z) / 2. */
  public static double fidelityFromQber(double qx, double qy, double qz) {
    return 1 - (qx + qy + qz) / 2;
  }

  /**
   * Depolarizes with survival {@code lambda}: every weight moves towards 1/4, x -> 1/4 +
   * (x - 1/4) lambda. Depolarizing one half of a Bell-diagonal pair does exactly this.
   */
  public BellDiagonal depolarize(double lambda) {
    return new BellDiagonal(0.25 + (a - 0.25) * lambda, 0.25 + (b - 0.25) * lambda,
        0.25 + (c - 0.25) * lambda, 0.25 + (d - 0.25) * lambda);
  }

  /**
   * The composition of two Pauli-error distributions (group Z2 x Z2): the state of a pair whose
   * errors are those of this one followed by those of {@code o}. Swapping two Bell-diagonal pairs
   * (perfect Bell measurement and correction) gives exactly this, as does a Pauli channel
   * acting on one half.
   */
  public BellDiagonal compose(BellDiagonal o) {
    // indices: I = a, X = c, Z = d, Y = b
    double i = a * o.a + c * o.c + d * o.d + b * o.b;
    double x = a * o.c + c * o.a + d * o.b + b * o.d;
    double z = a * o.d + d * o.a + c * o.b + b * o.c;
    double y = a * o.b + b * o.a + c * o.d + d * o.c;
    return new BellDiagonal(i, y, x, z);
  }

  /** A Pauli channel on one half with error probabilities pX, pY, pZ. */
  public BellDiagonal pauli(double pX, double pY, double pZ) {
    return compose(new BellDiagonal(1 - pX - pY - pZ, pY, pX, pZ));
  }
}
