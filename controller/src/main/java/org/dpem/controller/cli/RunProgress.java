package org.dpem.controller.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dpem.controller.operator.Operator;
import org.dpem.controller.run.SimulatedRun;

/**
 * Shows how far a run has come: a progress bar over the run's duration on a terminal, and a status
 * line every few seconds otherwise (a log or CI output, where a bar's carriage returns would pile
 * up on one line). Reads the loop's status from its own thread; closing stops it.
 */
final class RunProgress implements AutoCloseable {
  private final Thread thread;
  private final ProgressBar bar;
  private volatile boolean closed;

  /**
   * @param durationS the run's duration in its own time (simulated, or wall with equipment); null
   *     for a run until interrupted, which gets status lines only
   * @param terminal whether the console is a terminal
   */
  RunProgress(SimulatedRun run, Double durationS, boolean terminal, PrintStream err, long lineEveryMillis) {
    boolean withBar = terminal && durationS != null;
    bar = withBar ? new ProgressBarBuilder().setTaskName("dpem run").setUnit(" s", 1)
        .setInitialMax(Math.round(durationS)).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(err))
        .continuousUpdate().build() : null;
    long period = withBar ? 250 : lineEveryMillis;
    thread = new Thread(() -> {
      while (!closed) {
        try {
          TimeUnit.MILLISECONDS.sleep(period);
        } catch (InterruptedException e) {
          return;
        }
        Operator op = run.operator();
        if (op == null || closed) {
          continue;
        }
        op.status().thenAccept(s -> {
          if (closed) {
            return;
          }
          if (bar != null) {
            bar.stepTo(Math.min(bar.getMax(), (long) s.timeSeconds()));
            bar.setExtraMessage(String.format(Locale.ROOT, " delivered %d pairs, rate %.3f",
                s.pairsDelivered(), s.deliveryRate()));
          } else {
            err.printf(Locale.ROOT, "t=%.1fs%s epoch=%d policy=%s live=%d allocations=%d"
                    + " delivered_pairs=%d delivery_rate=%.3f%n", s.timeSeconds(),
                durationS == null ? "" : String.format(Locale.ROOT, "/%.0fs", durationS),
                s.epoch(), s.policy(), s.liveRequests(), s.activeAllocations(), s.pairsDelivered(),
                s.deliveryRate());
          }
        });
      }
    }, "dpem-run-progress");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    if (bar != null) {
      bar.close();
    }
  }
}
