package org.dpem.learning.ppo;

/**
 * SplitMix64: the agent's one random stream (initialization, action sampling, minibatch
 * shuffling). Its whole state is one long, so a checkpoint can store it and a resumed agent draws
 * exactly the numbers the original would have; {@code java.util.Random} and
 * {@code SplittableRandom} do not expose their state.
 */
public final class Rng {
  private long state;

  public Rng(long state) {
    this.state = state;
  }

  /** The state to store; {@code new Rng(state())} continues the same sequence. */
  public long state() {
    return state;
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound), without modulo bias. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be > 0, was " + bound);
    }
    long limit = (1L << 31) - ((1L << 31) % bound);
    while (true) {
      long r = nextLong() >>> 33;
      if (r < limit) {
        return (int) (r % bound);
      }
    }
  }

  /** Standard normal, by Box-Muller without a cached spare (so the state stays one long). */
  public double nextGaussian() {
    double u1 = 1.0 - nextDouble();
    double u2 = nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Fisher-Yates shuffle in place. */
  public void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
