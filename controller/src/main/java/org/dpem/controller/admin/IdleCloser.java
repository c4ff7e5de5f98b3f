package org.dpem.controller.admin;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;

/** Closes a connection the idle-state handler reports idle, saying why first. */
@Sharable
final class IdleCloser extends ChannelInboundHandlerAdapter {
  private final Duration timeout;

  IdleCloser(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      GracefulClose.after(ctx.writeAndFlush(Reply.error("-", "<idle>", "idle_timeout",
          "no command for " + human(timeout) + "; closing the connection").closing()));
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }
}
