package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One command at a time per connection, replies in order, from completions on the event loop. */
class CommandDispatcherTest {
  /** status() answers only when the test completes it, as a busy control loop would. */
  static final class HeldBackend extends DelegatingBackend {
    final ArrayDeque<CompletableFuture<StatusSummary>> held = new ArrayDeque<>();

    HeldBackend() {
      super(InMemoryAdminBackend.direct(2));
    }

    @Override
    public CompletionStage<StatusSummary> status() {
      CompletableFuture<StatusSummary> f = new CompletableFuture<>();
      held.add(f);
      return f;
    }
  }

  static StatusSummary status(long epoch) {
    return new StatusSummary("running", "dpem", epoch, 0, 2, 0, 0, 0, 0, 0.0);
  }

  @Test
  void aPendingCommandHoldsTheNextUntilItsReplyIsWritten() throws Exception {
    HeldBackend backend = new HeldBackend();
    EmbeddedChannel ch = new EmbeddedChannel(new CommandDispatcher(backend, Duration.ofSeconds(10)));
    ch.writeInbound("status", "nodes", "status");
    assertThat((Object) ch.readOutbound()).as("status is pending").isNull();
    assertThat(backend.held).hasSize(1);

    // Completed from another thread, as the control loop does (the embedded loop counts every
    // thread as its own, so the hand-over to the event loop is covered by the socket tests).
    Thread t = new Thread(() -> backend.held.poll().complete(status(7)));
    t.start();
    t.join();
    ch.runPendingTasks();
    Reply first = ch.readOutbound();
    assertThat(first.body().path("status").path("epoch").asLong()).isEqualTo(7);
    Reply second = ch.readOutbound();
    assertThat(second.command()).isEqualTo("nodes");
    assertThat((Object) ch.readOutbound()).as("the second status waits").isNull();
    backend.held.poll().complete(status(8));
    ch.runPendingTasks();
    assertThat(((Reply) ch.readOutbound()).body().path("status").path("epoch").asLong()).isEqualTo(8);
    ch.finishAndReleaseAll();
  }

  @Test
  void aBackendFailureBecomesAnErrorNamingTheCommand() {
    DelegatingBackend broken = new DelegatingBackend(InMemoryAdminBackend.direct(2)) {
      @Override
      public CompletionStage<List<NodeSummary>> nodes() {
        return CompletableFuture.failedFuture(new IllegalStateException("graph not loaded"));
      }

      @Override
      public CompletionStage<EstopReport> estop() {
        throw new AdminException(AdminException.Code.UNAVAILABLE, "no devices connected");
      }
    };
    EmbeddedChannel ch = new EmbeddedChannel(new CommandDispatcher(broken, Duration.ofSeconds(10)));
    ch.writeInbound("nodes", "estop", "status");
    Reply r = ch.readOutbound();
    assertThat(r.error()).isEqualTo("nodes: internal error (IllegalStateException: graph not loaded)");
    assertThat(r.body().path("code").asText()).isEqualTo("internal");
    r = ch.readOutbound();
    assertThat(r.error()).isEqualTo("estop: no devices connected");
    assertThat(r.body().path("code").asText()).isEqualTo("unavailable");
    assertThat(((Reply) ch.readOutbound()).ok()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void aTimeoutAnswersAndTheLateCompletionIsIgnored() {
    HeldBackend backend = new HeldBackend();
    EmbeddedChannel ch = new EmbeddedChannel(new CommandDispatcher(backend, Duration.ofMillis(500)));
    ch.writeInbound("status", "nodes");
    ch.advanceTimeBy(500, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(((Reply) ch.readOutbound()).error()).isEqualTo("status: the controller did not answer within 500 ms");
    assertThat(((Reply) ch.readOutbound()).command()).isEqualTo("nodes");
    backend.held.poll().complete(status(1));
    ch.runPendingTasks();
    assertThat((Object) ch.readOutbound()).isNull();
    ch.finishAndReleaseAll();
  }

  @Test
  void manyQueuedLinesPauseReadingUntilTheyDrain() {
    HeldBackend backend = new HeldBackend();
    EmbeddedChannel ch = new EmbeddedChannel(new CommandDispatcher(backend, Duration.ofSeconds(10)));
    for (int i = 0; i < CommandDispatcher.MAX_QUEUED + 1; i++) {
      ch.writeInbound("status");
    }
    assertThat(ch.config().isAutoRead()).isFalse();
    while (!backend.held.isEmpty()) {
      backend.held.poll().complete(status(0));
      ch.runPendingTasks();
    }
    assertThat(ch.outboundMessages()).hasSize(CommandDispatcher.MAX_QUEUED + 1);
    assertThat(ch.config().isAutoRead()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void quitAndOverlongLinesCloseAfterAnsweringAndLaterLinesAreDropped() {
    EmbeddedChannel ch = new EmbeddedChannel(new CommandDispatcher(InMemoryAdminBackend.direct(2), Duration.ofSeconds(1)));
    ch.writeInbound("status", new OverlongLine(4096), "status");
    assertThat(((Reply) ch.readOutbound()).ok()).isTrue();
    Reply r = ch.readOutbound();
    assertThat(r.body().path("code").asText()).isEqualTo("line_too_long");
    assertThat((Object) ch.readOutbound()).isNull();
    assertThat(ch.isOpen()).isFalse();
  }
}
