package org.dpem.driver.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.dpem.protocol.message.Message;
import org.junit.jupiter.api.Test;

class ClockOffsetTest {
  private final ClockOffset clock = new ClockOffset();

  /**
   * One exchange with a device whose clock is {@code offset} ahead, starting at host time
   * {@code t1}: {@code out} and {@code back} microseconds on the wire, 10 on the device.
   */
  private void exchange(long t1, long offset, long out, long back) {
    long t2 = t1 + out + offset;
    long t3 = t2 + 10;
    long t4 = t3 - offset + back;
    clock.exchange(new Message.TimeSync(true, t1, t2, t3), t4);
  }

  @Test
  void aHeartbeatGuessHoldsOnlyUntilTheFirstExchange() {
    clock.guess(5_000, 1_000);
    assertThat(clock.micros()).isEqualTo(4_000);
    assertThat(clock.measured()).isFalse();
    exchange(10_000, 3_000, 100, 100);
    assertThat(clock.micros()).isEqualTo(3_000);
    clock.guess(9_999_999, 1_000);
    assertThat(clock.micros()).isEqualTo(3_000);
  }

  @Test
  void theFastestRecentExchangeWins() {
    // asymmetric queueing spoils slow exchanges: out 100 back 900 reads 400 us too high
    exchange(10_000, 3_000, 100, 900);
    assertThat(clock.micros()).isEqualTo(2_600);
    exchange(20_000, 3_000, 50, 50);
    assertThat(clock.micros()).isEqualTo(3_000);
    exchange(30_000, 3_000, 700, 100);
    assertThat(clock.micros()).as("a slower exchange does not displace the fastest")
        .isEqualTo(3_000);
  }

  @Test
  void theFastestExchangeAgesOutOfTheWindow() {
    exchange(0, 3_000, 10, 10);
    for (int i = 1; i <= ClockOffset.KEEP; i++) {
      exchange(i * 10_000L, 3_000, 100, 150);
    }
    // only the slower ones remain: their estimate, 25 us low
    assertThat(clock.micros()).isEqualTo(2_975);
  }

  @Test
  void aSteppedDeviceClockIsFollowedAtTheNextExchange() {
    exchange(0, 3_000, 10, 10);
    exchange(10_000, 3_000, 200, 200);
    // the device clock jumps 50 ms; the next exchange is slower than the best one on record
    exchange(20_000, 53_000, 300, 300);
    assertThat(clock.micros()).isEqualTo(53_000);
  }

  @Test
  void aRestartedDeviceStartsFromAGuessAgain() {
    exchange(0, 3_000, 10, 10);
    clock.reset();
    assertThat(clock.measured()).isFalse();
    clock.guess(100, 1_000_000);
    assertThat(clock.micros()).isEqualTo(100 - 1_000_000);
  }
}
