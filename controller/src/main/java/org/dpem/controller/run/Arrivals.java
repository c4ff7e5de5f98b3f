package org.dpem.controller.run;

import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.dpem.config.Range;
import org.dpem.config.workload.NodePair;
import org.dpem.config.workload.RequestShape;
import org.dpem.sim.workload.ArrivalProcess;
import org.dpem.sim.workload.Request;
import org.dpem.sim.workload.Workload;

/** Requests in arrival order; {@code next} returns null after the last one before the end. */
public interface Arrivals {
  Request next();

  /** The simulator's workload generator. */
  static Arrivals of(Workload.Stream stream) {
    return stream::next;
  }

  /** A replayed trace, cut at {@code untilNanos}. */
  static Arrivals of(List<Request> trace, long untilNanos) {
    Iterator<Request> it = trace.iterator();
    return () -> {
      if (!it.hasNext()) {
        return null;
      }
      Request r = it.next();
      return r.arrivalNanos() < untilNanos ? r : null;
    };
  }

  /**
   * Poisson arrivals where a {@code share} of requests go to the listed pairs (uniformly among
   * them) and the rest to uniform pairs of distinct nodes: the config's hotspot workload, whose
   * hot pairs are written out rather than drawn.
   */
  static Arrivals hotspot(double rate, List<NodePair> hot, double share, RequestShape shape,
      List<String> nodes, long seed, long untilNanos) {
    SplittableRandom root = new SplittableRandom(seed);
    ArrivalProcess.Cursor times = new ArrivalProcess.Poisson(rate).cursor(root.split());
    SplittableRandom pick = root.split();
    SplittableRandom draw = root.split();
    return () -> {
      long t = times.next();
      if (t >= untilNanos) {
        return null;
      }
      String s;
      String d;
      if (!hot.isEmpty() && pick.nextDouble() < share) {
        NodePair p = hot.get(pick.nextInt(hot.size()));
        s = p.source();
        d = p.destination();
      } else {
        int a = pick.nextInt(nodes.size());
        int b = pick.nextInt(nodes.size() - 1);
        s = nodes.get(a);
        d = nodes.get(b >= a ? b + 1 : b);
      }
      double f = at(shape.minFidelity(), draw);
      int pairs = shape.pairs().min() + draw.nextInt(shape.pairs().max() - shape.pairs().min() + 1);
      long dl = Math.max(1, Math.round(at(shape.deadlineS(), draw) * 1e9));
      return new Request(t, s, d, f, pairs, t + dl);
    };
  }

  private static double at(Range r, SplittableRandom random) {
    return r.at(random.nextDouble());
  }
}
