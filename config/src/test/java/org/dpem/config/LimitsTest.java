package org.dpem.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.dpem.config.device.LimitOverride;
import org.junit.jupiter.api.Test;

/** A config may only narrow a device's limits. */
class LimitsTest {

  private static String memoryWith(String limits) {
    return """
        network: {nodes: [{id: a}]}
        devices:
          a:
            - id: m
              kind: memory
              limits:
        """ + limits;
  }

  @Test
  void minAboveMaxIsRejectedAtMin() {
    ConfigProblem p = Yaml.only(memoryWith("        swap_rate: {min: 4, max: 2}\n"));
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.column()).isEqualTo(26);
    assertThat(p.key()).isEqualTo("devices.a[0].limits.swap_rate.min");
    assertThat(p.message()).contains("min 4 is greater than max 2").contains("only narrow");
  }

  @Test
  void negativeLimitsAndZeroStepAreRejected() {
    assertThat(Yaml.only(memoryWith("        swap_rate: {max: -1}\n")).message()).contains("at least 0");
    assertThat(Yaml.only(memoryWith("        swap_rate: {step: 0}\n")).message()).contains("greater than 0");
    assertThat(Yaml.only(memoryWith("        slots: {max: 2.5}\n")).message()).contains("expected an integer");
  }

  @Test
  void parametersAreCheckedPerKind() {
    ConfigProblem p = Yaml.only(memoryWith("        rate: {max: 3}\n"));
    assertThat(p.key()).isEqualTo("devices.a[0].limits.rate");
    assertThat(p.message()).contains("parameters: slots, swap_rate");
    assertThat(Yaml.only(memoryWith("        slot: {max: 3}\n")).message()).contains("did you mean 'slots'?");
  }

  @Test
  void absentBoundsStayOpenForTheDevicesOwn() {
    LimitOverride o = new LimitOverride(OptionalDouble.empty(), OptionalDouble.of(8), OptionalDouble.empty());
    assertThat(o.minOrOpen()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(o.maxOrOpen()).isEqualTo(8);
    assertThat(o.stepOrOpen()).isZero();
  }
}
