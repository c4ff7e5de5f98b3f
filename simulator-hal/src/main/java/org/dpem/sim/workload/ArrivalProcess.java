package org.dpem.sim.workload;

import java.util.SplittableRandom;

/**
 * When requests arrive (network-wide). Each kind says how much of its future is predictable:
 * a Poisson process has none beyond its rate; a diurnal one repeats with its period (amplitude
 * 0 to 1 sets how much); a bursty one has bursts whose onset is random but which persist for
 * their mean sojourn, so recent load predicts near-future load.
 */
public sealed interface ArrivalProcess {

  /** A fresh cursor over arrival times, starting at time 0. */
  Cursor cursor(SplittableRandom random);

  /** Long-run mean rate, requests per second. */
  double meanRatePerSecond();

  /** Iterates arrival times in nanoseconds, increasing. */
  interface Cursor {
    long next();
  }

  /** Homogeneous Poisson arrivals at {@code ratePerSecond}. */
  record Poisson(double ratePerSecond) implements ArrivalProcess {
    public Poisson {
      requireRate(ratePerSecond, "Poisson rate");
    }

    @Override
    public Cursor cursor(SplittableRandom r) {
      double[] t = {0};
      return () -> {
        t[0] += exp(r, ratePerSecond);
        return toNanos(t[0]);
      };
    }

    @Override
    public double meanRatePerSecond() {
      return ratePerSecond;
    }
  }

  /**
   * Diurnal arrivals: a Poisson process with rate mean (1 + amplitude sin(2 pi t / period +
   * phase)), drawn by thinning. Amplitude 0 is plain Poisson; 1 makes the trough empty.
   */
  record Diurnal(double meanRatePerSecond, double amplitude, double periodSeconds, double phase)
      implements ArrivalProcess {
    public Diurnal {
      requireRate(meanRatePerSecond, "diurnal mean rate");
      if (!(amplitude >= 0 && amplitude <= 1)) {
        throw new IllegalArgumentException("diurnal amplitude must lie in [0, 1], got " + amplitude);
      }
      if (!(periodSeconds > 0)) {
        throw new IllegalArgumentException("diurnal period must be > 0 s, got " + periodSeconds);
      }
    }

    /** Rate at time {@code seconds}. */
    public double rateAt(double seconds) {
      return meanRatePerSecond * (1 + amplitude * Math.sin(2 * Math.PI * seconds / periodSeconds + phase));
    }

    @Override
    public Cursor cursor(SplittableRandom r) {
      double max = meanRatePerSecond * (1 + amplitude);
      double[] t = {0};
      return () -> {
        while (true) {
          t[0] += exp(r, max);
          if (r.nextDouble() * max <= rateAt(t[0])) {
            return toNanos(t[0]);
          }
        }
      };
    }
  }

  /**
   * Bursty arrivals: a two-state Markov-modulated Poisson process. Calm periods (mean
   * {@code meanCalmSeconds}) at {@code calmRate}, bursts (mean {@code meanBurstSeconds}) at
   * {@code burstRate}; sojourns are exponential.
   */
  record Bursty(double calmRatePerSecond, double burstRatePerSecond, double meanCalmSeconds,
      double meanBurstSeconds) implements ArrivalProcess {
    public Bursty {
      requireRate(calmRatePerSecond, "calm rate");
      requireRate(burstRatePerSecond, "burst rate");
      if (!(meanCalmSeconds > 0) || !(meanBurstSeconds > 0)) {
        throw new IllegalArgumentException("mean calm and burst durations must be > 0 s");
      }
    }

    @Override
    public double meanRatePerSecond() {
      return (calmRatePerSecond * meanCalmSeconds + burstRatePerSecond * meanBurstSeconds)
          / (meanCalmSeconds + meanBurstSeconds);
    }

    @Override
    public Cursor cursor(SplittableRandom r) {
      return new Cursor() {
        double t;
        boolean burst;
        double stateEnd = exp(r, 1 / meanCalmSeconds);

        @Override
        public long next() {
          while (true) {
            double rate = burst ? burstRatePerSecond : calmRatePerSecond;
            double gap = rate > 0 ? exp(r, rate) : Double.POSITIVE_INFINITY;
            if (t + gap < stateEnd) {
              t += gap;
              return toNanos(t);
            }
            t = stateEnd;
            burst = !burst;
            stateEnd = t + exp(r, 1 / (burst ? meanBurstSeconds : meanCalmSeconds));
          }
        }
      };
    }
  }

  /**
   * A diurnal cycle with bursts on top: the Poisson rate at time t is
   * {@code base (1 + amplitude sin(2 pi t / period + phase)) m(t)}, where m(t) is 1 in calm
   * periods and {@code burstFactor} in bursts (a two-state Markov chain with exponential sojourns
   * of means {@code meanCalmSeconds} and {@code meanBurstSeconds}). {@code base} is chosen so that
   * the long-run mean rate is {@code meanRatePerSecond}. Both structures are learnable: the cycle
   * from its period, a burst from its onset (it lasts {@code meanBurstSeconds} on average).
   */
  record DiurnalBursty(double meanRatePerSecond, double amplitude, double periodSeconds,
      double phase, double burstFactor, double meanCalmSeconds, double meanBurstSeconds)
      implements ArrivalProcess {
    public DiurnalBursty {
      requireRate(meanRatePerSecond, "mean rate");
      if (!(amplitude >= 0 && amplitude <= 1)) {
        throw new IllegalArgumentException("diurnal amplitude must lie in [0, 1], got " + amplitude);
      }
      if (!(periodSeconds > 0)) {
        throw new IllegalArgumentException("diurnal period must be > 0 s, got " + periodSeconds);
      }
      if (!(burstFactor >= 1) || Double.isInfinite(burstFactor)) {
        throw new IllegalArgumentException("burst factor must be finite and >= 1, got " + burstFactor);
      }
      if (!(meanCalmSeconds > 0) || !(meanBurstSeconds > 0)) {
        throw new IllegalArgumentException("mean calm and burst durations must be > 0 s");
      }
    }

    /** Long-run share of time spent in bursts. */
    public double burstShare() {
      return meanBurstSeconds / (meanCalmSeconds + meanBurstSeconds);
    }

    /** The calm rate's multiplier that keeps the long-run mean at {@link #meanRatePerSecond}. */
    double base() {
      return meanRatePerSecond / (1 + (burstFactor - 1) * burstShare());
    }

    /** The rate at {@code seconds} in the given burst state. */
    public double rateAt(double seconds, boolean burst) {
      return base() * (1 + amplitude * Math.sin(2 * Math.PI * seconds / periodSeconds + phase))
          * (burst ? burstFactor : 1);
    }

    @Override
    public Cursor cursor(SplittableRandom r) {
      // thinning against the highest rate; the burst chain runs on its own stream so arrivals
      // and burst timing stay independent
      SplittableRandom chain = r.split();
      double max = base() * (1 + amplitude) * burstFactor;
      return new Cursor() {
        double t;
        boolean burst;
        double stateEnd = exp(chain, 1 / meanCalmSeconds);

        @Override
        public long next() {
          if (max <= 0) {
            return Long.MAX_VALUE;
          }
          while (true) {
            t += exp(r, max);
            while (stateEnd <= t) {
              burst = !burst;
              stateEnd += exp(chain, 1 / (burst ? meanBurstSeconds : meanCalmSeconds));
            }
            if (r.nextDouble() * max <= rateAt(t, burst)) {
              return toNanos(t);
            }
          }
        }
      };
    }
  }

  private static double exp(SplittableRandom r, double rate) {
    return -Math.log(1.0 - r.nextDouble()) / rate;
  }

  private static long toNanos(double seconds) {
    return Math.round(seconds * 1e9);
  }

  private static void requireRate(double rate, String what) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(what + " must be finite and >= 0 per second, got " + rate);
    }
  }
}
