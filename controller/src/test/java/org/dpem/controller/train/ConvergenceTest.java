package org.dpem.controller.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvergenceTest {

  static List<Convergence.Point> curve(double... rates) {
    List<Convergence.Point> p = new ArrayList<>();
    for (int i = 0; i < rates.length; i++) {
      p.add(new Convergence.Point(1000L * (i + 1), 10.0 * (i + 1), rates[i]));
    }
    return p;
  }

  @Test
  void aRisingCurveConvergesWhereItsMovingAverageEntersTheBandForGood() {
    // the moving average of 2 reaches 0.5 +- 5% at the 5th point and stays there
    var r = Convergence.detect(curve(0.1, 0.2, 0.3, 0.4, 0.5, 0.5, 0.5, 0.5, 0.5), 2);
    assertThat(r.converged()).isTrue();
    assertThat(r.finalLevel()).isEqualTo(0.5);
    assertThat(r.index()).isEqualTo(5);
    assertThat(r.steps()).isEqualTo(6000);
    assertThat(r.wallSeconds()).isEqualTo(60.0);
  }

  @Test
  void aCurveThatLeavesTheBandAgainConvergesOnlyAfterItsLastExcursion() {
    var r = Convergence.detect(curve(0.5, 0.5, 0.5, 0.2, 0.5, 0.5, 0.5, 0.5), 1);
    assertThat(r.index()).isEqualTo(4);
    assertThat(r.converged()).isTrue();
  }

  @Test
  void aCurveStillClimbingAtItsEndHasNotConverged() {
    var r = Convergence.detect(curve(0.1, 0.2, 0.3, 0.4, 0.5, 0.6), 2);
    assertThat(r.converged()).isFalse();
    assertThat(Convergence.detect(List.of(), 2).converged()).isFalse();
  }
}
