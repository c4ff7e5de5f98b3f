package org.dpem.controller.admin;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.LineEncoder;
import io.netty.handler.codec.string.LineSeparator;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one admin connection, head to tail: TLS (optional), connection limit, the
 * pre-auth slot and deadline, idle detection, line framing (fail-fast, 4 KiB), UTF-8 text in, UTF-8 lines out, reply JSON, audit,
 * auth lockout, auth, dispatch, idle close, error close.
 */
final class AdminChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final AdminServerConfig config;
  private final AdminBackend backend;
  private final Optional<SslContext> tls;
  private final ChannelGroup channels;
  private final ConnectionLimiter limiter;
  private final PreAuthSlots preAuth;
  private final AuditHandler audit;
  private final ReplyEncoder replyEncoder = new ReplyEncoder();
  private final LineEncoder lineEncoder = new LineEncoder(LineSeparator.UNIX, StandardCharsets.UTF_8);
  private final StringDecoder stringDecoder = new StringDecoder(StandardCharsets.UTF_8);
  private final IdleCloser idleCloser;
  private final ExceptionCloser exceptionCloser = new ExceptionCloser();

  AdminChannelInitializer(AdminServerConfig config, AdminBackend backend, Optional<SslContext> tls,
      ChannelGroup channels, ConnectionLimiter limiter, PreAuthSlots preAuth, AuditLog auditLog) {
    this.config = config;
    this.backend = backend;
    this.tls = tls;
    this.channels = channels;
    this.limiter = limiter;
    this.preAuth = preAuth;
    this.audit = new AuditHandler(auditLog);
    this.idleCloser = new IdleCloser(config.idleTimeout());
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    channels.add(ch);
    ChannelPipeline p = ch.pipeline();
    tls.ifPresent(ctx -> p.addLast("tls", ctx.newHandler(ch.alloc())));
    p.addLast("limit", limiter);
    p.addLast("pre-auth", new PreAuthGuard(preAuth, config.authTimeout()));
    p.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
    p.addLast("framing", new LineBasedFrameDecoder(AdminServerConfig.MAX_LINE_BYTES, true, true));
    p.addLast("framing-error", new FramingErrorHandler(AdminServerConfig.MAX_LINE_BYTES));
    p.addLast("text-in", stringDecoder);
    p.addLast("text-out", lineEncoder);
    p.addLast("json-out", replyEncoder);
    p.addLast("audit", audit);
    AuthLockout lockout = new AuthLockout(config.lockoutBase(), config.lockoutMax(), System::nanoTime);
    p.addLast("auth-lockout", new AuthLockoutHandler(lockout));
    p.addLast("auth", new AuthHandler(config.token(), lockout));
    p.addLast("dispatch", new CommandDispatcher(backend, config.commandTimeout()));
    p.addLast("idle-close", idleCloser);
    p.addLast("error-close", exceptionCloser);
  }
}
