package org.dpem.controller.admin;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds a connection until it authenticates: it takes one of the shared {@link PreAuthSlots}
 * and must authenticate within a deadline counted from the connect, whatever it sends meanwhile,
 * so a peer that trickles bytes (slowloris) or never writes cannot hold a slot. Removed from the
 * pipeline by {@link AuthHandler} on success, which frees the slot.
 *
 * <p>A connection closed here is closed at once after its reply, without the graceful linger of
 * other closes: under a flood of connections, lingering ones would fill the connection limit.
 */
final class PreAuthGuard extends ChannelInboundHandlerAdapter {
  private final PreAuthSlots slots;
  private final Duration deadline;
  private ScheduledFuture<?> timer;
  private boolean holding;

  PreAuthGuard(PreAuthSlots slots, Duration deadline) {
    this.slots = slots;
    this.deadline = deadline;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    Channel ch = ctx.channel();
    holding = true;
    Channel displaced = slots.admit(ch);
    if (displaced != null) {
      displaced.eventLoop().execute(() -> {
        PreAuthGuard g = displaced.pipeline().get(PreAuthGuard.class);
        if (g != null) {
          g.close(displaced, "too many unauthenticated connections; closing the oldest");
        }
      });
    }
    timer = ctx.executor().schedule(() -> close(ch, "not authenticated within "
        + deadline.toMillis() + " ms of connecting; closing the connection"),
        deadline.toNanos(), TimeUnit.NANOSECONDS);
    ctx.fireChannelActive();
  }

  private void close(Channel ch, String why) {
    release(ch);
    if (ch.isActive()) {
      ch.writeAndFlush(Reply.error("-", "<unauthenticated>", "unauthenticated", why).closing())
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void release(Channel ch) {
    if (holding) {
      holding = false;
      slots.release(ch);
    }
    if (timer != null) {
      timer.cancel(false);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    release(ctx.channel());
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    release(ctx.channel());
  }
}
