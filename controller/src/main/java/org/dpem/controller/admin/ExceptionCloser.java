package org.dpem.controller.admin;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in the pipeline: a failure nothing else handled (a reset socket, a TLS handshake gone
 * wrong) closes the connection instead of reaching Netty's "unhandled exception" warning.
 */
@Sharable
final class ExceptionCloser extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ExceptionCloser.class);

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      LOG.debug("admin connection {} failed: {}", Peers.of(ctx.channel()), cause.toString());
    } else {
      LOG.info("admin connection {} closed after an error: {}", Peers.of(ctx.channel()), cause.toString());
    }
    ctx.close();
  }
}
