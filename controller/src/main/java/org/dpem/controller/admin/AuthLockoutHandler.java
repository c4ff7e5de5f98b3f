package org.dpem.controller.admin;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;

/**
 * The rate limit on guessing: while the connection is locked out after failed attempts, an
 * {@code auth} line is refused here, before the token is looked at. Removed once authenticated.
 */
final class AuthLockoutHandler extends ChannelInboundHandlerAdapter {
  private final AuthLockout lockout;

  AuthLockoutHandler(AuthLockout lockout) {
    this.lockout = lockout;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof String line) {
      Words w = Words.of(line);
      if ("auth".equals(w.name())) {
        long wait = lockout.remainingNanos();
        if (wait > 0) {
          long ms = Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait));
          ctx.writeAndFlush(Reply.error("auth", Words.forAudit(line), "locked_out",
              "auth: too many failed attempts on this connection; try again in " + ms + " ms"));
          return;
        }
      }
    }
    ctx.fireChannelRead(msg);
  }
}
