package org.dpem.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dpem.sim.engine.ByteTrace;
import org.junit.jupiter.api.Test;

/** Whole-run statistics of one link against the closed form, and determinism. */
class LinkExperimentTest {

  @Test
  void heraldRateIsWithinFourStandardErrorsOfRateTimesEtaTimesEfficiencies() {
    LinkParams p = new LinkParams(25, 0.2, 2000, 0.95, 0.8, 0.5, 1.0, 0.05, 20, 7, 0, 1e-9);
    ChainExperiment.Result r = ChainExperiment.link(p).run();
    double expectedRate = 2000 * Math.pow(10, -0.5) * 0.8 * 0.5;
    assertThat(LinkTheory.heraldRate(p)).isCloseTo(expectedRate, within(1e-9));
    double expected = expectedRate * 20;
    // heralds are a thinned Poisson process: variance = mean
    assertThat((double) r.heralded()).isCloseTo(expected, within(4 * Math.sqrt(expected)));
    assertThat((double) r.attempts()).isCloseTo(2000 * 20, within(4 * Math.sqrt(2000 * 20)));
    assertThat(r.droppedNoSlot()).isZero();
    assertThat(r.delivered()).isEqualTo(r.heralded());
  }

  @Test
  void fidelityAtHeraldAndAfterHoldFollowTheDecayLaw() {
    // 100 km: tau = 0.5 ms, T = 10 ms, so the 3 tau of flight already costs fidelity
    LinkParams p = new LinkParams(100, 0.0, 500, 0.97, 0.9, 0.5, 0.010, 0.004, 10, 11, 0, 1e-9);
    ChainExperiment.Result r = ChainExperiment.link(p).run();
    double tau = 0.0005;
    double atHerald = 0.25 + (0.97 - 0.25) * Math.exp(-3 * tau / 0.010);
    double afterHold = 0.25 + (atHerald - 0.25) * Math.exp(-2 * 0.004 / 0.010);
    // every pair decays for exactly the same time, so the mean is exact up to rounding
    assertThat(r.meanFidelity()).isCloseTo(atHerald, within(1e-9));
    assertThat(r.meanFidelityAfterHold()).isCloseTo(afterHold, within(1e-9));
    assertThat(LinkTheory.fidelityAtHerald(p)).isCloseTo(atHerald, within(1e-12));
    assertThat(r.delivered()).isGreaterThan(1000);
  }

  @Test
  void darkCountsAddFalseHeraldsOfNoEntanglement() {
    // 150 km at 0.2 dB/km: eta = 1e-3; a 10 ns window at 1e6 dark counts/s: p_dark ~ 0.01
    LinkParams p = new LinkParams(150, 0.2, 5000, 0.95, 0.9, 0.5, 1.0, 0, 10, 3, 1e6, 1e-8);
    ChainExperiment.Result r = ChainExperiment.link(p).run();
    double expected = LinkTheory.heraldRate(p) * 10;
    assertThat((double) r.heralded()).isCloseTo(expected, within(4 * Math.sqrt(expected)));
    double fTrue = LinkTheory.trueHeraldProbability(p);
    double fFalse = LinkTheory.falseHeraldProbability(p);
    assertThat(fFalse).isGreaterThan(fTrue);
    // the mixture's mean fidelity, within the binomial spread of the false share
    double share = fFalse / (fTrue + fFalse);
    double sd = Math.sqrt(share * (1 - share) / r.delivered()) * (0.95 - 0.25);
    assertThat(r.meanFidelity()).isCloseTo(LinkTheory.fidelityAtHerald(p), within(4 * sd));
  }

  @Test
  void sameSeedGivesTheSameTraceByteForByte() {
    LinkParams p = new LinkParams(10, 0.2, 300, 0.95, 0.9, 0.5, 0.5, 0.01, 5, 42, 0, 1e-9);
    ByteTrace t1 = ByteTrace.inMemory();
    ByteTrace t2 = ByteTrace.inMemory();
    ChainExperiment.link(p).run(t1);
    ChainExperiment.link(p).run(t2);
    assertThat(t1.records()).isGreaterThan(1000);
    assertThat(t1.bytes()).isEqualTo(t2.bytes());
    ByteTrace t3 = ByteTrace.inMemory();
    ChainExperiment.link(new LinkParams(10, 0.2, 300, 0.95, 0.9, 0.5, 0.5, 0.01, 5, 43, 0, 1e-9)).run(t3);
    assertThat(t3.sha256()).isNotEqualTo(t1.sha256());
  }
}
