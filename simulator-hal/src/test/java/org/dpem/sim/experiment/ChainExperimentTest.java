package org.dpem.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dpem.sim.physics.Swapping;
import org.junit.jupiter.api.Test;

/** End-to-end pairs through swaps against the swap law, with and without decay and delays. */
class ChainExperimentTest {

  @Test
  void withoutDecayEveryDeliveredPairObeysTheSwapLawExactly() {
    LinkParams p = new LinkParams(5, 0.2, 400, 0.96, 0.9, 0.5, 1e12, 0, 20, 5, 0, 1e-9);
    for (int hops = 2; hops <= 4; hops++) {
      ChainExperiment.Result r = new ChainExperiment(p, hops, 1, 0.9, 1e6).run();
      double w = Math.pow(Swapping.wernerParameter(0.96), hops);
      assertThat(r.delivered()).as("hops %d", hops).isGreaterThan(100);
      assertThat(r.meanFidelity()).as("hops %d", hops)
          .isCloseTo(Swapping.fidelityOfWernerParameter(w), within(1e-6));
    }
  }

  @Test
  void twoHopFidelityMatchesTheSwapLawWithWaitingAndDelays() {
    // tau = 1 ms, T = 20 ms, herald rate 1000 * 0.45 = 450/s: waiting (~2 ms) and the six
    // delays of flight (6 ms) both matter
    LinkParams p = new LinkParams(200, 0.0, 1000, 0.97, 0.9, 0.5, 0.020, 0.002, 60, 9, 0, 1e-9);
    ChainExperiment.Result r = new ChainExperiment(p, 2, 1, 0.9, 1e6).run();
    double expected = LinkTheory.twoHopFidelity(p);
    assertThat(r.delivered()).isGreaterThan(2000);
    double se = r.fidelityStdDev() / Math.sqrt(r.delivered());
    assertThat(se).isBetween(1e-5, 5e-3);
    assertThat(r.meanFidelity()).isCloseTo(expected, within(4 * se));
    assertThat(r.meanFidelityAfterHold()).isCloseTo(
        LinkTheory.afterHold(expected, 0.002, 0.020), within(4 * se));
    // without the flight delays the prediction would be clearly off: the test can tell
    assertThat(Math.abs(r.meanFidelity() - (0.25 + (expected - 0.25) * Math.exp(6 * 0.001 / 0.020))))
        .isGreaterThan(10 * se);
    // a failed swap loses both pairs: about 10% of swaps fail
    double failed = 1 - (double) r.successfulSwaps() / r.swaps();
    assertThat(failed).isCloseTo(0.1, within(4 * Math.sqrt(0.09 / r.swaps())));
    assertThat(r.delivered()).isEqualTo(r.successfulSwaps());
  }

  @Test
  void moreHopsLowerFidelity() {
    LinkParams p = new LinkParams(20, 0.2, 2000, 0.97, 0.9, 0.5, 0.5, 0, 5, 1, 0, 1e-9);
    double prev = 1;
    for (int hops = 1; hops <= 3; hops++) {
      double f = new ChainExperiment(p, hops, 2, 1.0, 1e6).run().meanFidelity();
      assertThat(f).as("hops %d", hops).isLessThan(prev);
      assertThat(f).isLessThanOrEqualTo(LinkTheory.chainFidelityNoWait(p, hops) + 1e-9);
      prev = f;
    }
  }
}
