package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The auth gate and the lockout in front of it. */
class AuthHandlerTest {
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final AuthLockout lockout = new AuthLockout(Duration.ofMillis(100), Duration.ofSeconds(1), now::get);

  EmbeddedChannel channel() {
    return new EmbeddedChannel(new AuthLockoutHandler(lockout), new AuthHandler(AdminToken.of("tok"), lockout));
  }

  static Reply reply(EmbeddedChannel ch) {
    return ch.readOutbound();
  }

  @Test
  void everythingBeforeAuthIsRefusedAndNothingPasses() {
    EmbeddedChannel ch = channel();
    ch.writeInbound("status", "devices n0", "", "AUTH");
    for (String cmd : new String[] {"status", "devices", "-", "auth"}) {
      Reply r = reply(ch);
      assertThat(r.ok()).isFalse();
      assertThat(r.command()).isEqualTo(cmd);
    }
    assertThat(reply(ch)).isNull();
    assertThat((Object) ch.readInbound()).as("nothing reaches the dispatcher").isNull();
    ch.finishAndReleaseAll();
  }

  @Test
  void theRightTokenOpensTheGateAndTheAuthHandlersLeave() {
    EmbeddedChannel ch = channel();
    ch.writeInbound("auth tok", "status");
    Reply r = reply(ch);
    assertThat(r.ok()).isTrue();
    assertThat(r.auditLine()).isEqualTo("auth ****");
    assertThat(r.toJson()).isEqualTo("{\"ok\":true,\"authenticated\":true}");
    assertThat((Object) ch.readInbound()).isEqualTo("status");
    assertThat(ch.pipeline().get(AuthHandler.class)).isNull();
    assertThat(ch.pipeline().get(AuthLockoutHandler.class)).isNull();
    ch.finishAndReleaseAll();
  }

  @Test
  void aWrongTokenPausesReadingAndLocksTheConnectionOutUntilTheDelayPasses() {
    EmbeddedChannel ch = channel();
    ch.writeInbound("auth nope");
    assertThat(reply(ch).body().path("code").asText()).isEqualTo("bad_token");
    assertThat(ch.config().isAutoRead()).isFalse();

    ch.writeInbound("auth tok");
    Reply locked = reply(ch);
    assertThat(locked.body().path("code").asText()).isEqualTo("locked_out");
    assertThat(locked.error()).isEqualTo("auth: too many failed attempts on this connection; try again in 100 ms");

    ch.advanceTimeBy(100, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.config().isAutoRead()).isTrue();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
    ch.writeInbound("auth tok");
    assertThat(reply(ch).ok()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void quitBeforeAuthSaysByeAndAnOverlongLineIsAnsweredBeforeClosing() {
    EmbeddedChannel ch = channel();
    ch.writeInbound("quit");
    assertThat(reply(ch).toJson()).isEqualTo("{\"ok\":true,\"bye\":true}");
    ch.runPendingTasks();
    assertThat(ch.isOpen()).isFalse();

    EmbeddedChannel ch2 = channel();
    ch2.writeInbound(new OverlongLine(4096));
    assertThat(reply(ch2).body().path("code").asText()).isEqualTo("line_too_long");
    ch2.runPendingTasks();
    assertThat(ch2.isOpen()).isFalse();
  }

  @Test
  void tooManyLinesBeforeAuthCloseTheConnection() {
    EmbeddedChannel ch = channel();
    for (int i = 0; i < AuthHandler.MAX_REFUSED; i++) {
      ch.writeInbound("status");
      assertThat(reply(ch).error()).isEqualTo("status: not authenticated; the first command must be 'auth TOKEN'");
    }
    assertThat(ch.isOpen()).isTrue();
    ch.writeInbound("status");
    assertThat(reply(ch).error()).isEqualTo("status: not authenticated after 20 commands; closing the connection");
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void wrongArgumentCountIsNotAFailedGuess() {
    EmbeddedChannel ch = channel();
    ch.writeInbound("auth a b");
    assertThat(reply(ch).error()).isEqualTo("auth: expected 'auth TOKEN', got 2 arguments");
    assertThat(lockout.remainingNanos()).isZero();
    ch.finishAndReleaseAll();
  }
}
