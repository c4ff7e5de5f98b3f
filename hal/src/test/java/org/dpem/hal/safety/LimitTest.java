package org.dpem.hal.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class LimitTest {
  private final Limit rate = new Limit("rate", 0, 10, 0.5, Double.POSITIVE_INFINITY, "pairs/s");

  @Test
  void acceptsValuesInRangeOnTheStep() {
    assertThat(rate.violation(0)).isEmpty();
    assertThat(rate.violation(9.5)).isEmpty();
    assertThat(rate.violation(10)).isEmpty();
  }

  @Test
  void namesTheBoundThatIsCrossed() {
    assertThat(rate.violation(12)).contains("rate=12 exceeds max 10 pairs/s");
    assertThat(rate.violation(-1)).contains("rate=-1 is below min 0 pairs/s");
    assertThat(rate.violation(0.3)).hasValueSatisfying(s -> assertThat(s).contains("step 0.5"));
    assertThat(rate.violation(Double.NaN)).hasValueSatisfying(s -> assertThat(s).contains("not a finite"));
  }

  @Test
  void decimalStepsDoNotFailOnRounding() {
    Limit fine = new Limit("window", 0, 1, 0.1, Double.POSITIVE_INFINITY, "s");
    assertThat(fine.violation(0.3)).isEmpty();
    assertThat(fine.violation(0.7000000000000001)).isEmpty();
  }

  @Test
  void configurationMayNarrow() {
    Limit narrowed = rate.narrowedBy(Limit.range("rate", 1, 8, ""));
    assertThat(narrowed.min()).isEqualTo(1);
    assertThat(narrowed.max()).isEqualTo(8);
    assertThat(narrowed.step()).isEqualTo(0.5);
    assertThat(narrowed.unit()).isEqualTo("pairs/s");
  }

  @Test
  void configurationMayNotWiden() {
    assertThatThrownBy(() -> rate.narrowedBy(Limit.range("rate", 0, 12, "")))
        .isInstanceOf(LimitWideningException.class)
        .hasMessageContaining("max of 'rate' (12)")
        .hasMessageContaining("device's own max (10)");
    assertThatThrownBy(() -> rate.narrowedBy(Limit.range("rate", -1, 5, "")))
        .isInstanceOf(LimitWideningException.class).hasMessageContaining("min");
    Limit slow = new Limit("rate", 0, 10, 0, 2, "pairs/s");
    assertThat(slow.narrowedBy(Limit.range("rate", 0, 10, "")).maxRatePerSecond()).isEqualTo(2);
    assertThatThrownBy(() -> slow.narrowedBy(new Limit("rate", 0, 10, 0, 3, "")))
        .isInstanceOf(LimitWideningException.class).hasMessageContaining("max rate of change");
    assertThatThrownBy(() -> rate.narrowedBy(new Limit("rate", 0, 10, 0.3, Double.POSITIVE_INFINITY, "")))
        .isInstanceOf(LimitWideningException.class).hasMessageContaining("step");
  }

  @Test
  void openBoundsKeepTheDevicesValue() {
    Limit onlyMax = rate.narrowedBy(Limit.range("rate", Double.NEGATIVE_INFINITY, 6, ""));
    assertThat(onlyMax.min()).isZero();
    assertThat(onlyMax.max()).isEqualTo(6);
  }

  @Test
  void rejectsMalformedLimits() {
    assertThatThrownBy(() -> Limit.range("rate", 5, 1, "")).hasMessageContaining("min 5.0 must not exceed max 1.0");
    assertThatThrownBy(() -> new Limit("rate", 0, 1, -1, 1, "")).hasMessageContaining("step");
  }

  @Property
  void narrowedLimitNeverAllowsWhatTheDeviceRefuses(
      @ForAll @DoubleRange(min = -5, max = 15) double lo,
      @ForAll @DoubleRange(min = -5, max = 15) double hi,
      @ForAll @DoubleRange(min = -20, max = 20) double value) {
    Limit device = Limit.range("rate", 0, 10, "pairs/s");
    Limit narrowed;
    try {
      narrowed = device.narrowedBy(Limit.range("rate", Math.min(lo, hi), Math.max(lo, hi), ""));
    } catch (LimitWideningException e) {
      return;
    }
    if (narrowed.violation(value).isEmpty()) {
      assertThat(device.violation(value)).isEmpty();
    }
  }
}
