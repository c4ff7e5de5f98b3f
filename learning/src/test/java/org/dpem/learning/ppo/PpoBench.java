package org.dpem.learning.ppo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * PPO benchmarks; run with
 * {@code mvn -o -q -B -pl learning test -Dtest=PpoBench -Ddpem.bench=true}. Prints: batched
 * decision latency for 100 agents (64-64 network), one update of a 2048-step rollout with the
 * default hyperparameters, corridor environment steps per second (acting only, and training),
 * and RSS over a long inference loop. The machine is shared: wall times rise with its load, so
 * the calling thread's CPU time is printed too (with one PyTorch thread, the native work runs on
 * the calling thread). Quote medians of several runs.
 */
@EnabledIfSystemProperty(named = "dpem.bench", matches = "true")
class PpoBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** A DPEM-sized agent: 3 pending requests (wait or 4 paths x 2 rates), 3 links (0-4 pairs). */
  static final int OBS = 48;
  static final List<Integer> HEADS = List.of(9, 9, 9, 5, 5, 5);
  static final int WIDTH = 42;

  @Test
  void run() throws IOException {
    PpoConfig config = PpoConfig.defaults(OBS, HEADS);
    try (PpoAgent agent = PpoAgent.create(config)) {
      decisionLatency(agent, 100, 5_000, 20_000);
      decisionLatency(agent, 1, 5_000, 20_000);
      updateTime(agent);
      corridor();
      rssOverInference(agent, 100, 200_000);
    }
  }

  private static float[] observations(int batch, Rng rng) {
    float[] obs = new float[batch * OBS];
    for (int i = 0; i < obs.length; i++) {
      obs[i] = (float) rng.nextGaussian();
    }
    return obs;
  }

  private static boolean[] masks(int batch, Rng rng) {
    boolean[] m = new boolean[batch * WIDTH];
    for (int r = 0; r < batch; r++) {
      int off = 0;
      for (int size : HEADS) {
        for (int a = 0; a < size; a++) {
          m[r * WIDTH + off + a] = a == 0 || rng.nextInt(3) > 0;
        }
        off += size;
      }
    }
    return m;
  }

  private static void decisionLatency(PpoAgent agent, int batch, int warmup, int n) {
    Rng rng = new Rng(1);
    float[][] obs = new float[16][];
    boolean[][] masks = new boolean[16][];
    for (int i = 0; i < 16; i++) {
      obs[i] = observations(batch, rng);
      masks[i] = masks(batch, rng);
    }
    for (int i = 0; i < warmup; i++) {
      agent.act(obs[i & 15], masks[i & 15], batch);
    }
    long[] t = new long[n];
    long[] cpu = new long[n];
    for (int i = 0; i < n; i++) {
      long c = THREADS.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      agent.act(obs[i & 15], masks[i & 15], batch);
      t[i] = System.nanoTime() - s;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
    }
    Arrays.sort(t);
    Arrays.sort(cpu);
    System.out.printf(Locale.ROOT, "decision, %d agents in one call (64-64, %d obs, %d logits):"
        + " wall p50 %.1f us, p99 %.1f us, max %.1f us; thread CPU p50 %.1f us, p99 %.1f us"
        + " (n=%d, load %.1f)%n", batch, OBS, WIDTH, t[n / 2] / 1e3, t[n * 99 / 100] / 1e3,
        t[n - 1] / 1e3, cpu[n / 2] / 1e3, cpu[n * 99 / 100] / 1e3, n, load());
  }

  private static void updateTime(PpoAgent agent) {
    PpoConfig c = agent.config();
    Rng rng = new Rng(2);
    RolloutBuffer buffer = new RolloutBuffer(c, 1);
    double[] ms = new double[5];
    double[] cpuMs = new double[5];
    for (int k = 0; k < ms.length; k++) {
      buffer.clear();
      for (int t = 0; t < c.rolloutSteps(); t++) {
        float[] obs = observations(1, rng);
        boolean[] m = masks(1, rng);
        ActionBatch a = agent.act(obs, m, 1);
        buffer.add(obs, m, a, new float[] {(float) rng.nextGaussian()},
            new boolean[] {rng.nextInt(50) == 0});
      }
      buffer.finish(new float[1]);
      long c0 = THREADS.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      UpdateStats st = agent.update(buffer);
      ms[k] = (System.nanoTime() - s) / 1e6;
      cpuMs[k] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
      if (k == 0) {
        System.out.printf(Locale.ROOT, "update: %d samples, minibatch %d, %d epochs = %d"
            + " gradient steps%n", buffer.size(), c.minibatchSize(), st.epochs(), st.minibatches());
      }
    }
    System.out.printf(Locale.ROOT, "update of a %d-step rollout: wall median %.0f ms (runs %s);"
        + " thread CPU median %.0f ms (runs %s); load %.1f%n", c.rolloutSteps(), median(ms),
        fmt(ms), median(cpuMs), fmt(cpuMs), load());
  }

  private static void corridor() {
    int length = 8;
    int agents = 16;
    PpoConfig c = PpoConfig.defaults(length, Corridor.HEADS).toBuilder()
        .rolloutSteps(128).minibatchSize(256).updateEpochs(4).build();
    try (PpoAgent agent = PpoAgent.create(c)) {
      Corridor env = new Corridor(length, 32, agents);
      RolloutBuffer buffer = new RolloutBuffer(c, agents);
      for (int w = 0; w < 2; w++) {
        long s = System.nanoTime();
        int updates = 10;
        long actNanos = 0;
        for (int u = 0; u < updates; u++) {
          buffer.clear();
          long a0 = System.nanoTime();
          for (int t = 0; t < c.rolloutSteps(); t++) {
            float[] obs = env.observations.clone();
            boolean[] m = env.masks.clone();
            ActionBatch a = agent.act(obs, m, agents);
            env.step(a);
            buffer.add(obs, m, a, env.rewards, env.dones);
          }
          actNanos += System.nanoTime() - a0;
          buffer.finish(agent.values(env.observations, agents));
          agent.update(buffer);
        }
        double wall = (System.nanoTime() - s) / 1e9;
        long steps = (long) updates * c.rolloutSteps() * agents;
        if (w == 1) {
          System.out.printf(Locale.ROOT, "corridor, %d agents batched: %.0f env steps/s training"
              + " (rollout 128 x %d, minibatch 256, 4 epochs), %.0f env steps/s acting only%n",
              agents, steps / wall, agents, steps / (actNanos / 1e9));
        }
      }
    }
  }

  private static void rssOverInference(PpoAgent agent, int batch, int calls) throws IOException {
    Rng rng = new Rng(3);
    float[] obs = observations(batch, rng);
    boolean[] m = masks(batch, rng);
    StringBuilder line = new StringBuilder();
    long start = System.nanoTime();
    for (int i = 0; i <= calls; i++) {
      if (i % (calls / 8) == 0) {
        line.append(String.format(Locale.ROOT, " %d:%.1f", i / 1000, rssMiB()));
      }
      agent.act(obs, m, batch);
    }
    double s = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "RSS (MiB) over %d decisions of %d agents (%.0f s),"
        + " thousands:MiB%s%n", calls, batch, s, line);
  }

  private static double rssMiB() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String fmt(double[] v) {
    StringBuilder b = new StringBuilder();
    for (double x : v) {
      b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", x));
    }
    return b.toString();
  }
}
