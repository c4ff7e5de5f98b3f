package org.dpem.controller.admin;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection so that its last reply arrives. Closing a socket with unread input makes the
 * kernel send a reset, and the peer may then lose the reply still in flight (the error for an
 * overlong line, typically followed by more input). So: finish writing, shut down only the output,
 * read and discard whatever else comes until the peer closes, and close for good after a grace
 * period.
 */
final class GracefulClose {
  static final long LINGER_MILLIS = 2000;
  private static final Discard DISCARD = new Discard();

  private GracefulClose() {}

  /** Closes {@code written}'s channel gracefully once that write has completed. */
  static void after(ChannelFuture written) {
    Channel ch = written.channel();
    if (ch.pipeline().get(Discard.class) == null) {
      ch.pipeline().addFirst("discard", DISCARD);
    }
    ch.config().setAutoRead(true);
    written.addListener(f -> {
      if (ch instanceof SocketChannel s && f.isSuccess() && s.isActive()) {
        SslHandler tls = ch.pipeline().get(SslHandler.class);
        if (tls != null) {
          // Say goodbye in TLS too (close_notify), so the peer knows the stream was not cut.
          tls.closeOutbound().addListener(x -> s.shutdownOutput());
        } else {
          s.shutdownOutput();
        }
        ch.eventLoop().schedule(() -> ch.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
      } else {
        ch.close();
      }
    });
  }

  /** Drops every inbound message: the connection is closing and its input has no reader. */
  @Sharable
  static final class Discard extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
    }
  }
}
