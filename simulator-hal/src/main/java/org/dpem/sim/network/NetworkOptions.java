package org.dpem.sim.network;

/**
 * How the simulated network behaves apart from its topology.
 *
 * @param commandLatencyNanos virtual time from submit to acknowledgement for every device
 *     (0: commands complete synchronously, inside {@code submit})
 * @param telemetryPeriodNanos period of {@code Telemetry} events per device (0: none)
 */
public record NetworkOptions(long commandLatencyNanos, long telemetryPeriodNanos) {
  public NetworkOptions {
    if (commandLatencyNanos < 0 || telemetryPeriodNanos < 0) {
      throw new IllegalArgumentException("latency and telemetry period must be >= 0 ns");
    }
  }

  /** Instant acknowledgements, telemetry every second. */
  public static NetworkOptions defaults() {
    return new NetworkOptions(0, 1_000_000_000L);
  }

  /** No telemetry: for benchmarks and experiments that read counters instead. */
  public static NetworkOptions quiet() {
    return new NetworkOptions(0, 0);
  }
}
