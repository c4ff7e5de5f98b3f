package org.dpem.controller.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs authenticated commands one at a time per connection, so replies come back in the order of
 * the lines even though the controller answers asynchronously. Replies are written from the
 * backend's completion on this channel's event loop, never by waiting. Reading pauses while many
 * lines are queued or while the outbound buffer is over its high-water mark (long outputs to a
 * slow reader), and resumes when both drain. A command the controller does not answer within the
 * timeout gets an error, and the connection moves on.
 */
final class CommandDispatcher extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);
  /** Queued lines beyond which reading pauses. */
  static final int MAX_QUEUED = 64;

  private final AdminCommands commands;
  private final long timeoutNanos;
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private boolean inFlight;
  /** The peer closed its side: answer what it sent, then close. */
  private boolean inputShutdown;
  private boolean draining;
  private boolean closing;
  private boolean unflushed;
  private boolean readBurst;
  private long inFlightSeq;

  CommandDispatcher(AdminBackend backend, Duration commandTimeout) {
    this.commands = new AdminCommands(backend);
    this.timeoutNanos = commandTimeout.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof String) && !(msg instanceof OverlongLine)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (closing) {
      return;
    }
    readBurst = true;
    queue.add(msg);
    if (queue.size() >= MAX_QUEUED) {
      ctx.channel().config().setAutoRead(false);
    }
    drain();
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    readBurst = false;
    flushIfNeeded();
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      drain();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      inputShutdown = true;
      drain();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closing = true;
    queue.clear();
    ctx.fireChannelInactive();
  }

  /** Starts queued commands until one is pending, the queue is empty, or the peer is not reading. */
  private void drain() {
    if (draining) {
      return; // a synchronous completion below re-entered; the loop continues it
    }
    draining = true;
    try {
      while (!inFlight && !closing && !queue.isEmpty() && ctx.channel().isWritable()) {
        Object next = queue.poll();
        if (next instanceof OverlongLine o) {
          closing = true;
          queue.clear();
          send(o.reply());
          break;
        }
        start((String) next);
      }
      if (inputShutdown && !inFlight && queue.isEmpty() && !closing) {
        // The peer sent its last command and every reply is written: end the connection.
        closing = true;
        unflushed = false;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER)
            .addListener(ChannelFutureListener.CLOSE);
      }
      // Once closing, reading is the graceful close's business (it reads on to see the peer's end).
      boolean readMore = queue.size() < MAX_QUEUED / 2 && ctx.channel().isWritable();
      if (!closing && readMore != ctx.channel().config().isAutoRead()) {
        ctx.channel().config().setAutoRead(readMore);
      }
    } finally {
      draining = false;
      // Replies to lines of one read are flushed together when the read completes.
      if (!readBurst) {
        flushIfNeeded();
      }
    }
  }

  private void start(String line) {
    Words w = Words.of(line);
    String audit = Words.forAudit(line);
    String name = AdminCommands.isKnown(w.name()) ? w.name() : "-";
    if ("quit".equals(w.name())) {
      closing = true;
      queue.clear();
      send(Reply.ok("quit", audit, AdminJson.MAPPER.createObjectNode().put("bye", true)).closing());
      return;
    }
    CompletableFuture<ObjectNode> f;
    try {
      f = commands.run(w).toCompletableFuture();
    } catch (RuntimeException e) {
      send(failure(name, audit, e));
      return;
    }
    if (f.isDone()) {
      send(outcome(name, audit, f));
      return;
    }
    inFlight = true;
    long seq = ++inFlightSeq;
    ScheduledFuture<?> timeout = ctx.executor().schedule(() -> finish(seq, Reply.error(name, audit, "timeout",
        name + ": the controller did not answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms")),
        timeoutNanos, TimeUnit.NANOSECONDS);
    f.whenComplete((v, e) -> {
      timeout.cancel(false);
      Reply r = outcome(name, audit, f);
      if (ctx.executor().inEventLoop()) {
        finish(seq, r);
      } else {
        ctx.executor().execute(() -> finish(seq, r));
      }
    });
  }

  /** Ends the command numbered {@code seq} unless its timeout (or reply) already ended it. */
  private void finish(long seq, Reply r) {
    if (!inFlight || seq != inFlightSeq) {
      return;
    }
    inFlight = false;
    send(r);
    drain();
  }

  private void flushIfNeeded() {
    if (unflushed) {
      unflushed = false;
      ctx.flush();
    }
  }

  /** Writes without flushing: the end of the read or of {@link #drain()} flushes. */
  private void send(Reply r) {
    if (!ctx.channel().isActive()) {
      return;
    }
    unflushed = true;
    if (r.closeAfter()) {
      GracefulClose.after(ctx.write(r));
    } else {
      ctx.write(r, ctx.voidPromise());
    }
  }

  private static Reply outcome(String name, String audit, CompletableFuture<ObjectNode> f) {
    try {
      return Reply.ok(name, audit, f.get());
    } catch (ExecutionException | CompletionException e) {
      return failure(name, audit, e.getCause() != null ? e.getCause() : e);
    } catch (InterruptedException e) {
      // Not reached: the future is complete.
      Thread.currentThread().interrupt();
      return failure(name, audit, e);
    } catch (RuntimeException e) {
      return failure(name, audit, e);
    }
  }

  private static Reply failure(String name, String audit, Throwable e) {
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof AdminException ae) {
      String prefix = "-".equals(name) ? "" : name + ": ";
      return Reply.error(name, audit, ae.code().wireName(), prefix + ae.getMessage());
    }
    LOG.warn("admin command '{}' failed inside the controller", audit, e);
    return Reply.error(name, audit, "internal", name + ": internal error (" + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
  }
}
