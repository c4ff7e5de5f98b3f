package org.dpem.controller.loop;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.operator.Operator;
import org.dpem.controller.operator.RequestInfo;
import org.dpem.controller.operator.SubmitResult;
import org.dpem.controller.operator.SubmitSpec;
import org.dpem.controller.policy.GreedyPolicy;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.time.WallClockTimeBase;

/**
 * A controller process for the kill test: on wall-clock time with in-process lab devices and a
 * journal. {@code serve JOURNAL} recovers, then submits requests forever, printing
 * {@code ACCEPTED id} once each is acknowledged (journaled); {@code list JOURNAL} recovers and
 * prints {@code KNOWN id state} for every request, then exits.
 */
public final class CrashableController {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    NetworkModel model = Lab.model(5, 4, new int[][] {{0, 4}, {4, 3}}, 10, 5, 50);
    WallClockTimeBase time = new WallClockTimeBase();
    Lab lab = new Lab(time, model);
    lab.intervalNanos = 3_600_000_000_000L; // nothing delivers: requests stay live
    Journal.Opened opened = Journal.open(file, true);
    if (opened.replay().corrupt()) {
      System.out.println("CORRUPT " + opened.replay().corruption());
    }
    ControlLoop loop = new ControlLoop(model, lab, time, LoopSettings.of(20, 4), new GreedyPolicy(),
        new RunMetrics(new SimpleMeterRegistry()), opened.journal(), new HalCommander(lab, model));
    long origin = Clock.systemUTC().millis();
    loop.recover(opened.replay(), origin);
    opened.journal().append(new JournalRecord.Origin(origin));
    loop.start();
    Operator op = loop.operator();
    if (args[0].equals("list")) {
      List<RequestInfo> all = op.requests(false, Integer.MAX_VALUE).get();
      for (RequestInfo r : all) {
        System.out.println("KNOWN " + r.id() + " " + r.state());
      }
      System.out.println("END");
      System.out.flush();
      loop.close();
      time.close();
      return;
    }
    for (int i = 0; ; i++) {
      SubmitResult r = op.submit(new SubmitSpec("n" + (i % 4), "n" + (1 + i % 4), 0.5, 1, 3600, 0)).get();
      if (r.accepted()) {
        System.out.println("ACCEPTED " + r.requestId());
        System.out.flush();
      }
    }
  }
}
