package org.dpem.driver.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Where a pty round trip's time goes, without the protocol: a 16-byte message from a host
 * {@link SerialLink} through socat to a device-side link whose listener writes it straight back.
 * Each round trip is cut into the way out (write to the device listener), the way back (device
 * write to the host listener) and the hand-off to the waiting thread; reported per read poll
 * interval, on an idle machine and with two busy threads (as many as this machine has cores).
 * Run with {@code mvn -o -q -B -pl drivers test -Dtest=PtyLatencyBench -Ddpem.bench=true}.
 */
@EnabledIfSystemProperty(named = "dpem.bench", matches = "true")
class PtyLatencyBench {
  static final int WARMUP = 2000;
  static final int N = 5000;

  @Test
  void breakdown() throws Exception {
    Path dir = Files.createTempDirectory("dpem-pty-bench");
    for (boolean loaded : new boolean[] {false, true}) {
      for (Duration poll : new Duration[] {Duration.ofNanos(20_000), SerialSettings.DEFAULT_POLL,
          Duration.ofMillis(1)}) {
        Thread[] load = loaded ? busy(2) : new Thread[0];
        try {
          measure(dir, poll, loaded);
        } finally {
          for (Thread t : load) {
            t.interrupt();
            t.join();
          }
        }
      }
    }
  }

  private static Thread[] busy(int n) {
    Thread[] t = new Thread[n];
    for (int i = 0; i < n; i++) {
      t[i] = new Thread(() -> {
        double x = 1;
        while (!Thread.currentThread().isInterrupted()) {
          x = Math.sin(x) + 1;
        }
      }, "bench load " + i);
      t[i].setDaemon(true);
      t[i].start();
    }
    return t;
  }

  private static void measure(Path dir, Duration poll, boolean loaded) throws Exception {
    AtomicLong atDevice = new AtomicLong();
    AtomicLong atHost = new AtomicLong();
    try (PtyPair pty = PtyPair.start(dir.resolve("h"), dir.resolve("d"))) {
      SerialLink[] device = new SerialLink[1];
      device[0] = SerialLink.open(new SerialSettings(pty.b(), 115_200, dir, Duration.ofMillis(50), poll),
          new SerialLink.Listener() {
            @Override
            public void onBytes(byte[] data) {
              atDevice.set(System.nanoTime());
              try {
                device[0].write(data);
              } catch (LinkDownException e) {
                throw new IllegalStateException(e);
              }
            }

            @Override
            public void onLost(String reason) {}
          });
      Thread waiter = Thread.currentThread();
      int[] got = new int[1];
      try (SerialLink dev = device[0];
          SerialLink host = SerialLink.open(new SerialSettings(pty.a(), 115_200, dir, Duration.ofMillis(50), poll),
              new SerialLink.Listener() {
                @Override
                public void onBytes(byte[] data) {
                  synchronized (got) {
                    got[0] += data.length;
                  }
                  atHost.set(System.nanoTime());
                  LockSupport.unpark(waiter);
                }

                @Override
                public void onLost(String reason) {}
              })) {
        byte[] msg = new byte[16];
        long[][] stages = new long[4][N];
        for (int i = -WARMUP; i < N; i++) {
          synchronized (got) {
            got[0] = 0;
          }
          long t0 = System.nanoTime();
          host.write(msg);
          long deadline = t0 + 2_000_000_000L;
          while (true) {
            synchronized (got) {
              if (got[0] >= msg.length) {
                break;
              }
            }
            if (System.nanoTime() > deadline) {
              throw new AssertionError("no echo within 2 s (socat alive: " + pty.isAlive() + ")");
            }
            LockSupport.parkNanos(1_000_000);
          }
          long t3 = System.nanoTime();
          if (i >= 0) {
            stages[0][i] = atDevice.get() - t0;
            stages[1][i] = atHost.get() - atDevice.get();
            stages[2][i] = t3 - atHost.get();
            stages[3][i] = t3 - t0;
          }
        }
        String[] names = {"out (write to device listener)", "back (device write to host listener)",
            "hand-off to the waiting thread", "round trip"};
        for (int s = 0; s < 4; s++) {
          long[] v = stages[s];
          Arrays.sort(v);
          System.out.printf(Locale.ROOT, "BENCH pty %s, poll %d us: %s p50 %.0f us, p99 %.0f us%n",
              loaded ? "loaded" : "idle", poll.toNanos() / 1000, names[s], v[N / 2] / 1e3, v[(int) (N * 0.99)] / 1e3);
        }
      }
    }
  }
}
