package org.dpem.controller.admin;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Placed right after the line decoder: turns its too-long-line failure into an
 * {@link OverlongLine} message in the stream and stops reading, since the connection will close.
 */
final class FramingErrorHandler extends ChannelInboundHandlerAdapter {
  private final int maxBytes;
  private boolean failed;

  FramingErrorHandler(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (failed) {
      // Lines decoded after the overlong one are dropped: the connection is closing.
      io.netty.util.ReferenceCountUtil.release(msg);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      if (!failed) {
        failed = true;
        ctx.channel().config().setAutoRead(false);
        ctx.fireChannelRead(new OverlongLine(maxBytes));
      }
      return;
    }
    ctx.fireExceptionCaught(cause);
  }
}
