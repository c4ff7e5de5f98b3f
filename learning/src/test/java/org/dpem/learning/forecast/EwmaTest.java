package org.dpem.learning.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EwmaTest {
  @Test
  void levelFollowsTheRecurrenceComputedByHand() {
    Ewma f = new Ewma(2, 3, 0.5);
    f.observe(new double[] {4, 0});
    f.observe(new double[] {8, 2});
    f.observe(new double[] {0, 2});
    // series 0: 4 -> 0.5*8 + 0.5*4 = 6 -> 0.5*0 + 0.5*6 = 3; series 1: 0 -> 1 -> 1.5
    double[][] p = f.forecast();
    assertThat(p).hasDimensions(3, 2);
    for (double[] step : p) {
      assertThat(step[0]).isCloseTo(3.0, within(1e-12));
      assertThat(step[1]).isCloseTo(1.5, within(1e-12));
    }
  }

  @Test
  void refusesAWrongNumberOfSeries() {
    Ewma f = new Ewma(2, 1, 0.3);
    assertThatThrownBy(() -> f.observe(new double[] {1})).hasMessageContaining("expected 2 series");
  }
}
