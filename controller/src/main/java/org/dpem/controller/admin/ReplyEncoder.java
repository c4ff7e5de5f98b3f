package org.dpem.controller.admin;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Turns a {@link Reply} into its JSON text; the line encoder below adds newline and UTF-8. */
@Sharable
final class ReplyEncoder extends MessageToMessageEncoder<Reply> {
  ReplyEncoder() {
    super(Reply.class);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Reply reply, List<Object> out) {
    out.add(reply.toJson());
  }
}
