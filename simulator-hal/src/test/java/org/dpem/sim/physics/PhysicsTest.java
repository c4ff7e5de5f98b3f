package org.dpem.sim.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The values pinned in the team's physics notes, and the laws behind them. */
class PhysicsTest {
  private static final double EPS = 5e-7;

  @Test
  void fibreTransmissivityAndLossAt02DbPerKm() {
    assertThat(Fibre.transmissivity(10, 0.2)).isCloseTo(0.630957, within(EPS));
    assertThat(Fibre.lossPerKm(0.2)).isCloseTo(0.0450074, within(1e-7));
    assertThat(Fibre.transmissivity(0, 0.2)).isEqualTo(1.0);
    assertThat(Fibre.transmissivity(50, 0.2)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void lightTakesFiveMicrosecondsPerKm() {
    assertThat(Fibre.delayNanos(1)).isEqualTo(5_000);
    assertThat(Fibre.delayNanos(200_000)).isEqualTo(1_000_000_000L);
    assertThatThrownBy(() -> Fibre.delayNanos(-1)).hasMessageContaining("fibre length");
    assertThat(Fibre.pathDelayNanos(10, 20.5, 0.1)).isEqualTo(50_000 + 102_500 + 500);
    assertThat(Fibre.pathDelayNanos()).isZero();
  }

  @Test
  void darkClicksAndHeraldProbability() {
    assertThat(Detection.darkClickProbability(100, 1e-9)).isCloseTo(1e-7, within(1e-12));
    assertThat(Detection.darkClickProbability(1e9, 1e-9)).isCloseTo(1 - Math.exp(-1), within(1e-12));
    assertThat(Detection.heraldProbability(0.630957, 0.9, 0.5)).isCloseTo(0.2839307, within(1e-6));
    assertThat(Detection.midpointHeraldProbability(0.8, 0.5)).isCloseTo(0.2, within(1e-12));
    assertThat(Detection.falseHeraldProbability(0.5, 0.8, 0.5, 0.01)).isCloseTo(0.6 * 0.01 * 0.5, within(1e-12));
  }

  @Test
  void wernerDecayWithTwoHalvesDecaying() {
    BellDiagonal s = new Decay.Depolarizing(1.0).apply(BellDiagonal.werner(0.95), 0.5);
    BellDiagonal both = new Decay.Depolarizing(1.0).apply(s, 0.5);
    // k = 2 halves for 0.5 s at T = 1 s: exp(-1)
    assertThat(both.fidelity()).isCloseTo(0.25 + 0.70 * Math.exp(-1), within(1e-12));
    assertThat(Decay.wernerFidelity(0.95, 2, 0.5, 1.0)).isCloseTo(both.fidelity(), within(1e-12));
    assertThat(both.fidelity()).isCloseTo(0.507516, within(EPS));
  }

  @Test
  void t1t2AtT2WithInfiniteT1() {
    BellDiagonal s = new Decay.T1T2(Double.POSITIVE_INFINITY, 1.0).apply(BellDiagonal.PERFECT, 1.0);
    assertThat(s.fidelity()).isCloseTo(0.683940, within(EPS));
    BellDiagonal g = new Decay.T1T2(2.0, 1.0).apply(BellDiagonal.PERFECT, 0.7);
    assertThat(g.fidelity()).isCloseTo((1 + Math.exp(-0.35) + 2 * Math.exp(-0.7)) / 4, within(1e-12));
    assertThatThrownBy(() -> new Decay.T1T2(1, 3)).hasMessageContaining("must not exceed 2 T1");
  }

  @Test
  void swapLawForWernerPairs() {
    assertThat(Swapping.swapWerner(0.9, 0.9)).isCloseTo(0.813333, within(EPS));
    BellDiagonal out = Swapping.swap(BellDiagonal.werner(0.9), BellDiagonal.werner(0.9));
    assertThat(out.fidelity()).isCloseTo(0.813333, within(EPS));
    // Werner parameters multiply
    assertThat(out.wernerParameter()).isCloseTo(Swapping.wernerParameter(0.9) * Swapping.wernerParameter(0.9), within(1e-12));
    assertThat(out.b()).isCloseTo(out.c(), within(1e-12));
    assertThat(out.c()).isCloseTo(out.d(), within(1e-12));
  }

  @Test
  void swapGateErrorIsADepolarizingStepOnTheOutput() {
    BellDiagonal noisy = Swapping.swap(BellDiagonal.werner(0.9), BellDiagonal.werner(0.9), 0.1);
    assertThat(noisy.fidelity()).isCloseTo(0.25 + (0.813333333333 - 0.25) * 0.9, within(1e-9));
    assertThat(noisy.fidelity()).isCloseTo(0.757, within(1e-9));
    assertThat(Swapping.swap(BellDiagonal.werner(0.9), BellDiagonal.werner(0.9), 0))
        .isEqualTo(Swapping.swap(BellDiagonal.werner(0.9), BellDiagonal.werner(0.9)));
  }

  @Test
  void swapComposesPauliErrorsExactly() {
    // a pure X error (Psi+) swapped with a pure Z error (Phi-) gives a Y error (Psi-)
    BellDiagonal x = new BellDiagonal(0, 0, 1, 0);
    BellDiagonal z = new BellDiagonal(0, 0, 0, 1);
    assertThat(Swapping.swap(x, z)).isEqualTo(new BellDiagonal(0, 1, 0, 0));
    assertThat(Swapping.swap(x, x)).isEqualTo(BellDiagonal.PERFECT);
  }

  @Test
  void hopLimit() {
    // w(0.95) = 0.9333..; w(0.8) = 0.7333..; ln(0.7333)/ln(0.9333) = 4.49 -> 4 hops
    assertThat(Swapping.hopLimit(0.8, 0.95)).isEqualTo(4);
    double f4 = Swapping.fidelityOfWernerParameter(Math.pow(Swapping.wernerParameter(0.95), 4));
    assertThat(f4).isGreaterThanOrEqualTo(0.8);
    double f5 = Swapping.fidelityOfWernerParameter(Math.pow(Swapping.wernerParameter(0.95), 5));
    assertThat(f5).isLessThan(0.8);
    assertThat(Swapping.hopLimit(0.813333333333333, 0.9)).isEqualTo(2);
  }

  @Test
  void bbpsswOnWerner09() {
    Purification.Result r = Purification.bbpssw(0.9);
    assertThat(r.fidelity()).isCloseTo(0.926396, within(EPS));
    assertThat(r.successProbability()).isCloseTo(0.875556, within(EPS));
  }

  @Test
  void dejmpsTwoRoundsFromWerner09() {
    Purification.Result one = Purification.dejmps(BellDiagonal.werner(0.9));
    assertThat(one.fidelity()).isCloseTo(0.926396, within(EPS));
    assertThat(one.successProbability()).isCloseTo(0.875556, within(EPS));
    Purification.Result two = Purification.dejmps(one.state());
    assertThat(two.fidelity()).isCloseTo(0.988764, within(EPS));
  }

  @Test
  void qberOfWernerAndFidelityFromErrorRates() {
    BellDiagonal w = BellDiagonal.werner(0.9);
    assertThat(w.qberZ()).isCloseTo(0.066667, within(EPS));
    assertThat(w.qberX()).isCloseTo(0.066667, within(EPS));
    assertThat(w.qberY()).isCloseTo(0.066667, within(EPS));
    assertThat(BellDiagonal.fidelityFromQber(w.qberX(), w.qberY(), w.qberZ())).isCloseTo(0.9, within(1e-12));
    BellDiagonal odd = new BellDiagonal(0.7, 0.05, 0.15, 0.1);
    assertThat(BellDiagonal.fidelityFromQber(odd.qberX(), odd.qberY(), odd.qberZ())).isCloseTo(0.7, within(1e-12));
  }

  @Property(tries = 200)
  void decayIsASemigroupSoLazyApplicationIsExact(
      @ForAll @DoubleRange(min = 0.3, max = 1) double f, @ForAll @DoubleRange(min = 0, max = 3) double t1,
      @ForAll @DoubleRange(min = 0, max = 3) double t2) {
    for (Decay d : new Decay[] {new Decay.Depolarizing(0.8), new Decay.T1T2(2.0, 1.5)}) {
      BellDiagonal once = d.apply(BellDiagonal.werner(f), t1 + t2);
      BellDiagonal twice = d.apply(d.apply(BellDiagonal.werner(f), t1), t2);
      assertThat(once.a()).isCloseTo(twice.a(), within(1e-12));
      assertThat(once.b()).isCloseTo(twice.b(), within(1e-12));
      assertThat(once.c()).isCloseTo(twice.c(), within(1e-12));
      assertThat(once.d()).isCloseTo(twice.d(), within(1e-12));
    }
  }

  @Property(tries = 200)
  void swapThenDecayEqualsDecayThenSwap(@ForAll @DoubleRange(min = 0.3, max = 1) double f1,
      @ForAll @DoubleRange(min = 0.3, max = 1) double f2, @ForAll @DoubleRange(min = 0, max = 2) double t) {
    Decay d = new Decay.Depolarizing(1.0);
    BellDiagonal a = d.apply(Swapping.swap(BellDiagonal.werner(f1), BellDiagonal.werner(f2)), t);
    BellDiagonal b = Swapping.swap(d.apply(BellDiagonal.werner(f1), t), BellDiagonal.werner(f2));
    assertThat(a.fidelity()).isCloseTo(b.fidelity(), within(1e-12));
    assertThat(a.fidelity()).isCloseTo(Swapping.fidelityOfWernerParameter(
        Swapping.wernerParameter(f1) * Swapping.wernerParameter(f2) * Math.exp(-t)), within(1e-12));
  }
}
