package org.dpem.controller.admin;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;

/**
 * Nothing passes until the connection has sent {@code auth TOKEN} with the right token; every
 * other line before that is refused with an error (and {@code quit} closes; so do too many refused
 * lines, or a peer that stops reading the refusals). A wrong token starts
 * a lockout for this connection and pauses reading from it for as long, scheduled on
 * the channel's event loop. On success the auth handlers, and the pre-auth guard, leave the
 * pipeline.
 */
final class AuthHandler extends ChannelInboundHandlerAdapter {
  /** Lines refused before {@code auth} after which the connection is closed. */
  static final int MAX_REFUSED = 20;

  private final AdminToken token;
  private final AuthLockout lockout;
  private int refused;

  AuthHandler(AdminToken token, AuthLockout lockout) {
    this.token = token;
    this.lockout = lockout;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof OverlongLine o) {
      GracefulClose.after(ctx.writeAndFlush(o.reply()));
      return;
    }
    if (!(msg instanceof String line)) {
      ctx.fireChannelRead(msg);
      return;
    }
    Words w = Words.of(line);
    String audit = Words.forAudit(line);
    switch (w.name()) {
      case "auth" -> authenticate(ctx, w, audit);
      case "quit" -> GracefulClose.after(
          ctx.writeAndFlush(Reply.ok("quit", audit, AdminJson.MAPPER.createObjectNode().put("bye", true))));
      default -> refuse(ctx, w, audit);
    }
  }

  private void refuse(ChannelHandlerContext ctx, Words w, String audit) {
    String name = w.isEmpty() ? "-" : w.name();
    String prefix = w.isEmpty() ? "" : w.name() + ": ";
    // An unauthenticated peer gets a bounded number of answers, and none it does not read.
    if (++refused > MAX_REFUSED || !ctx.channel().isWritable()) {
      GracefulClose.after(ctx.writeAndFlush(Reply.error(name, audit, "unauthenticated",
          prefix + "not authenticated after " + MAX_REFUSED + " commands; closing the connection").closing()));
      return;
    }
    ctx.writeAndFlush(Reply.error(name, audit, "unauthenticated",
        prefix + "not authenticated; the first command must be 'auth TOKEN'"));
  }

  private void authenticate(ChannelHandlerContext ctx, Words w, String audit) {
    if (w.args().size() != 1) {
      ctx.writeAndFlush(Reply.error("auth", audit, "bad_argument",
          "auth: expected 'auth TOKEN', got " + w.args().size() + " arguments"));
      return;
    }
    if (token.matches(w.args().get(0))) {
      lockout.recordSuccess();
      ctx.writeAndFlush(Reply.ok("auth", audit, AdminJson.MAPPER.createObjectNode().put("authenticated", true)));
      if (ctx.pipeline().get(AuthLockoutHandler.class) != null) {
        ctx.pipeline().remove(AuthLockoutHandler.class);
      }
      if (ctx.pipeline().get(PreAuthGuard.class) != null) {
        ctx.pipeline().remove(PreAuthGuard.class);
      }
      ctx.pipeline().remove(this);
      return;
    }
    long delay = lockout.recordFailure();
    ctx.writeAndFlush(Reply.error("auth", audit, "bad_token", "auth: wrong token"));
    ctx.channel().config().setAutoRead(false);
    ctx.executor().schedule(() -> ctx.channel().config().setAutoRead(true), delay, TimeUnit.NANOSECONDS);
  }
}
