package org.dpem.config.load;

/** An allowed interval for a number, with open or closed ends, that can explain itself. */
record Bounds(double lo, boolean loClosed, double hi, boolean hiClosed) {

  public static final Bounds ANY = new Bounds(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
  public static final Bounds NON_NEGATIVE = atLeast(0);
  public static final Bounds POSITIVE = new Bounds(0, false, Double.POSITIVE_INFINITY, false);
  /** Werner fidelity above the fully mixed 1/4, up to a perfect pair. */
  public static final Bounds FIDELITY = new Bounds(0.25, false, 1, true);
  public static final Bounds UNIT = closed(0, 1);
  public static final Bounds PORT = closed(1, 65535);

  public static Bounds atLeast(double lo) {
    return new Bounds(lo, true, Double.POSITIVE_INFINITY, false);
  }

  public static Bounds closed(double lo, double hi) {
    return new Bounds(lo, true, hi, true);
  }

  public boolean contains(double v) {
    boolean aboveLo = loClosed ? v >= lo : v > lo;
    boolean belowHi = hiClosed ? v <= hi : v < hi;
    return aboveLo && belowHi;
  }

  public String describe() {
    boolean noLo = lo == Double.NEGATIVE_INFINITY;
    boolean noHi = hi == Double.POSITIVE_INFINITY;
    if (noLo && noHi) return "any number";
    if (noHi) return (loClosed ? "at least " : "greater than ") + fmt(lo);
    if (noLo) return (hiClosed ? "at most " : "less than ") + fmt(hi);
    return "in " + (loClosed ? "[" : "(") + fmt(lo) + ", " + fmt(hi) + (hiClosed ? "]" : ")");
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
