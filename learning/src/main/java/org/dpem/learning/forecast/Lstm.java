package org.dpem.learning.forecast;

import java.util.SplittableRandom;

/**
 * The learned forecaster: per unit, an LSTM that corrects an exponentially weighted level. Each
 * series keeps its EWMA level (smoothing factor {@link LstmSettings#baseAlpha}); the LSTM reads
 * each epoch's counts and levels (per series, as {@code log(1 + value / mean)}, the mean being
 * the unit's running mean) and the phase of the season (sine, cosine), keeps its state from
 * epoch to epoch, and after every epoch predicts, for each series and each of the next H epochs,
 * how far the count will be from the current level, in units of the running mean. The forecast
 * is the level plus that correction: a head that has learnt nothing (it starts at zero) forecasts
 * the EWMA, so what the LSTM adds is what it learns about where the level goes next (the season's
 * slope, a level shift starting, a burst ending).
 *
 * <p>It trains online on a schedule: every {@code trainEvery} epochs, a few Adam steps on
 * sequences drawn from the unit's own recent history, each started from the state the unit
 * had at that epoch (so training and the running inference see the same kind of state), with
 * the squared error over all H steps of every epoch of the sequence. Only epochs whose H
 * following epochs have been seen are used: nothing peeks at the future. All units step, and
 * train, in one batched call each; see {@link LstmNet}.
 */
public final class Lstm implements BatchForecaster {
  private static final double MIN_SCALE = 1e-3;

  private final int units;
  private final int series;
  private final int horizon;
  private final LstmSettings s;
  private final int features;
  private final int memory;
  private final LstmNet net;
  private final float[] h;
  private final float[] c;
  private final float[] ring;
  private final float[] ringLevel;
  private final double[] level;
  private final float[] ringH;
  private final float[] ringC;
  private final double[] scale;
  private final float[] in;
  private final SplittableRandom draw;
  private double[][][] last;
  private long seen;
  private long rounds;
  private float lastLoss = Float.NaN;

  public Lstm(int units, int series, int horizon, LstmSettings settings) {
    if (units < 1 || series < 1 || horizon < 1) {
      throw new IllegalArgumentException("lstm: units, series and horizon must be at least 1, got "
          + units + ", " + series + " and " + horizon);
    }
    this.units = units;
    this.series = series;
    this.horizon = horizon;
    this.s = settings;
    this.features = 2 * series + (settings.season() > 1 ? 2 : 0);
    this.memory = Math.max(settings.memory(), settings.window() + horizon + 1);
    int n = settings.hidden();
    this.net = new LstmNet(units, features, n, horizon * series, settings.learningRate(), settings.seed());
    this.h = new float[units * n];
    this.c = new float[units * n];
    this.ring = new float[units * memory * series];
    this.ringLevel = new float[units * memory * series];
    this.level = new double[units * series];
    this.ringH = new float[units * memory * n];
    this.ringC = new float[units * memory * n];
    this.scale = new double[units];
    this.in = new float[units * (features + n)];
    this.draw = new SplittableRandom(settings.seed() ^ 0x6c73746dL);
    this.last = new double[units][horizon][series];
  }

  @Override
  public String name() {
    return "lstm";
  }

  @Override
  public int units() {
    return units;
  }

  @Override
  public int series() {
    return series;
  }

  @Override
  public int horizon() {
    return horizon;
  }

  /** Training rounds run so far. */
  public long rounds() {
    return rounds;
  }

  /** The last training step's loss (mean squared error of the correction, in units of each unit's mean). */
  public float lastLoss() {
    return lastLoss;
  }

  @Override
  public void observe(double[][] counts) {
    if (counts.length != units) {
      throw new IllegalArgumentException("lstm: expected " + units + " units, got " + counts.length);
    }
    int n = s.hidden();
    int slot = (int) (seen % memory);
    // the running mean: the plain mean over the first `memory` epochs, then exponential
    double a = 1.0 / Math.min(seen + 1, memory);
    for (int u = 0; u < units; u++) {
      Checks.length(name(), counts[u], series);
      double sum = 0;
      for (int g = 0; g < series; g++) {
        double x = counts[u][g];
        int i = u * series + g;
        level[i] = seen == 0 ? x : level[i] + s.baseAlpha() * (x - level[i]);
        ring[(u * memory + slot) * series + g] = (float) x;
        ringLevel[(u * memory + slot) * series + g] = (float) level[i];
        sum += x;
      }
      scale[u] += a * (sum / series - scale[u]);
      System.arraycopy(h, u * n, ringH, (u * memory + slot) * n, n);
      System.arraycopy(c, u * n, ringC, (u * memory + slot) * n, n);
      features(u, seen, in, u * (features + n));
      System.arraycopy(h, u * n, in, u * (features + n) + features, n);
    }
    float[] out = net.step(in, c);
    int width = 2 * n + horizon * series;
    double[][][] f = new double[units][horizon][series];
    for (int u = 0; u < units; u++) {
      System.arraycopy(out, u * width, h, u * n, n);
      System.arraycopy(out, u * width + n, c, u * n, n);
      double k = scale(u);
      for (int step = 0; step < horizon; step++) {
        for (int g = 0; g < series; g++) {
          f[u][step][g] = Math.max(0, level[u * series + g] + out[u * width + 2 * n + step * series + g] * k);
        }
      }
    }
    last = f;
    seen++;
    if (seen % s.trainEvery() == 0 && seen >= s.window() + horizon + 1) {
      train();
    }
  }

  @Override
  public double[][][] forecast() {
    double[][][] copy = new double[units][horizon][];
    for (int u = 0; u < units; u++) {
      for (int step = 0; step < horizon; step++) {
        copy[u][step] = last[u][step].clone();
      }
    }
    return copy;
  }

  private double scale(int u) {
    return Math.max(MIN_SCALE, scale[u]);
  }

  /** Unit u's features for epoch t into {@code dst} at {@code at}. */
  private void features(int u, long t, float[] dst, int at) {
    int slot = (int) (t % memory);
    double k = scale(u);
    for (int g = 0; g < series; g++) {
      int i = (u * memory + slot) * series + g;
      dst[at + g] = (float) Math.log1p(ring[i] / k);
      dst[at + series + g] = (float) Math.log1p(ringLevel[i] / k);
    }
    if (features > 2 * series) {
      double phase = 2 * Math.PI * (t % s.season()) / s.season();
      dst[at + 2 * series] = (float) Math.sin(phase);
      dst[at + 2 * series + 1] = (float) Math.cos(phase);
    }
  }

  /** One training round: a few Adam steps on sequences from each unit's recent history. */
  private void train() {
    int n = s.hidden();
    int len = s.window();
    int b = s.batch();
    int outputs = horizon * series;
    // the sequence starts at `start`; epoch start + len - 1 + horizon must have been seen
    long lo = Math.max(0, seen - memory);
    long hi = seen - len - horizon;
    if (hi < lo) {
      return;
    }
    float[] x = new float[units * b * len * features];
    float[] y = new float[units * b * len * outputs];
    float[] h0 = new float[units * b * n];
    float[] c0 = new float[units * b * n];
    for (int step = 0; step < s.stepsPerRound(); step++) {
      long[] starts = new long[b];
      for (int j = 0; j < b; j++) {
        starts[j] = lo + draw.nextLong(hi - lo + 1);
      }
      for (int u = 0; u < units; u++) {
        double k = scale(u);
        for (int j = 0; j < b; j++) {
          int seq = u * b + j;
          int from = (int) (starts[j] % memory);
          System.arraycopy(ringH, (u * memory + from) * n, h0, seq * n, n);
          System.arraycopy(ringC, (u * memory + from) * n, c0, seq * n, n);
          for (int t = 0; t < len; t++) {
            long epoch = starts[j] + t;
            features(u, epoch, x, (seq * len + t) * features);
            int yAt = (seq * len + t) * outputs;
            int now = (u * memory + (int) (epoch % memory)) * series;
            for (int ahead = 0; ahead < horizon; ahead++) {
              int slot = (int) ((epoch + 1 + ahead) % memory);
              for (int g = 0; g < series; g++) {
                y[yAt + ahead * series + g] = (float) ((ring[(u * memory + slot) * series + g] - ringLevel[now + g]) / k);
              }
            }
          }
        }
      }
      lastLoss = net.train(b, len, x, h0, c0, y);
    }
    rounds++;
  }

  @Override
  public void close() {
    net.close();
  }
}
