package org.dpem.controller.run;

import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How to run a scenario.
 *
 * @param policy policy name
 * @param seed seeds the workload and the simulator (the network comes from the config's own seed)
 * @param durationS simulated seconds of arrivals; empty: until stopped
 * @param epochMs control epoch
 * @param kPaths candidate paths per request
 * @param journal journal file, or null for none
 * @param prometheusPort serve metrics on 127.0.0.1 at this port
 * @param timeEpochs whether to measure each epoch's computing time
 * @param upperBound whether to solve the upper-bound LP after the run
 * @param speed simulated seconds per wall second for a paced simulation (1 = real time, so an
 *     operator on the admin socket sees deadlines pass as they would in the lab); empty: as fast
 *     as the CPU allows. Runs with equipment always run at 1.
 */
public record RunOptions(String policy, long seed, OptionalDouble durationS, long epochMs,
    int kPaths, Path journal, OptionalInt prometheusPort, boolean timeEpochs, boolean upperBound,
    OptionalDouble speed) {
  public RunOptions {
    if (speed.isPresent() && !(speed.getAsDouble() > 0 && Double.isFinite(speed.getAsDouble()))) {
      throw new IllegalArgumentException("must be a positive number of simulated seconds per wall"
          + " second, got " + speed.getAsDouble());
    }
  }
}
