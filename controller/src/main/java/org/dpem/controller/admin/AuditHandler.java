package org.dpem.controller.admin;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Records every reply's command and outcome in the audit log. It sits between the encoders and the
 * handlers that answer, so it sees each {@link Reply} on its way out, including refusals before
 * {@code auth}.
 */
@Sharable
final class AuditHandler extends ChannelDuplexHandler {
  private final AuditLog audit;

  AuditHandler(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof Reply r) {
      audit.record(Peers.of(ctx.channel()), r.auditLine(), r.ok(), r.error());
    }
    ctx.write(msg, promise);
  }
}
