package org.dpem.sim.firmware;

import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.Limits;
import org.dpem.hal.time.TimeBase;

/** Stand-alone devices with typical lab limits, for {@code sim-device} and tests. */
public final class BenchDevices {
  private BenchDevices() {}

  /** A source: rate 0..1e6 pairs/s in steps of 1, swinging at most 1e7 pairs/s per second. */
  public static Limits sourceLimits() {
    return Limits.of(new Limit(Parameters.RATE, 0, 1_000_000, 1, 10_000_000, "pairs/s"));
  }

  /** A memory: 1..16 slots per allocation, swap rate 0..1000 /s. */
  public static Limits memoryLimits() {
    return Limits.of(Limit.range(Parameters.SLOTS, 1, 16, "slots"),
        Limit.range(Parameters.SWAP_RATE, 0, 1000, "swaps/s"));
  }

  /** An analyzer: coincidence window 0.1 ns .. 10 ns. */
  public static Limits analyzerLimits() {
    return Limits.of(Limit.range(Parameters.WINDOW, 1e-10, 1e-8, "s"));
  }

  /** A device of {@code kind} with the limits above. */
  public static BenchDevice create(DeviceKind kind, String id, String node, TimeBase time) {
    DeviceId d = DeviceId.of(id);
    NodeId n = NodeId.of(node);
    return switch (kind) {
      case SOURCE -> new BenchPairSource(
          new DeviceInfo(d, n, kind, "bench SPDC source", "", sourceLimits()), time, 0.97);
      case MEMORY -> new BenchQuantumMemory(
          new DeviceInfo(d, n, kind, "bench memory", "", memoryLimits()), time, 16, 0.1, 1000);
      case ANALYZER -> new BenchBellStateAnalyzer(
          new DeviceInfo(d, n, kind, "bench BSA", "", analyzerLimits()), time, 0.5);
    };
  }
}
