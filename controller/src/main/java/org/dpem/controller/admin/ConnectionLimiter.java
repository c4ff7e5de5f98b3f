package org.dpem.controller.admin;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * First in the pipeline after TLS: refuses connections beyond the configured number, with an error line, so
 * a runaway script cannot exhaust the controller's file descriptors.
 */
@Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  ConnectionLimiter(int max) {
    this.max = max;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (open.incrementAndGet() > max) {
      byte[] line = ("{\"ok\":false,\"error\":\"too many admin connections (limit " + max
          + "); try again later\",\"code\":\"busy\"}\n").getBytes(StandardCharsets.UTF_8);
      // Raw bytes, because this handler sits below the line codecs (but above TLS).
      GracefulClose.after(ctx.writeAndFlush(Unpooled.wrappedBuffer(line)));
      return;
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    open.decrementAndGet();
    ctx.fireChannelInactive();
  }

  int open() {
    return open.get();
  }
}
