package org.dpem.controller.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator admin socket: one line in, one JSON line out, behind a shared token. Start it with
 * {@link #start(AdminServerConfig, AdminBackend)}; close it to stop listening and drop every
 * connection.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel listener;
  private final ChannelGroup channels;
  private final AuditLog audit;
  private final ConnectionLimiter limiter;

  private AdminServer(EventLoopGroup boss, EventLoopGroup workers, Channel listener, ChannelGroup channels,
      AuditLog audit, ConnectionLimiter limiter) {
    this.boss = boss;
    this.workers = workers;
    this.listener = listener;
    this.channels = channels;
    this.audit = audit;
    this.limiter = limiter;
  }

  /**
   * Binds and starts serving.
   *
   * @throws IOException if the address cannot be bound, the TLS files cannot be used, or the audit
   *     file cannot be opened
   */
  public static AdminServer start(AdminServerConfig config, AdminBackend backend) throws IOException {
    Optional<SslContext> tls = tlsContext(config);
    AuditLog audit = new AuditLog(config.clock(), config.auditFile());
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("dpem-admin-accept", true),
        NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(config.workerThreads(),
        new DefaultThreadFactory("dpem-admin", true), NioIoHandler.newFactory());
    ChannelGroup channels = new DefaultChannelGroup("dpem-admin", GlobalEventExecutor.INSTANCE);
    ConnectionLimiter limiter = new ConnectionLimiter(config.maxConnections());
    PreAuthSlots preAuth = new PreAuthSlots(config.maxUnauthenticated());
    try {
      ServerBootstrap b = new ServerBootstrap()
          .group(boss, workers)
          .channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 256)
          .childOption(ChannelOption.TCP_NODELAY, true)
          // A script that sends its commands and then closes its side (printf ... | nc) must
          // still get every reply: the dispatcher closes once the last one is written.
          .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
          .childHandler(new AdminChannelInitializer(config, backend, tls, channels, limiter, preAuth, audit));
      Channel listener = b.bind(new InetSocketAddress(config.host(), config.port())).sync().channel();
      channels.add(listener);
      LOG.info("admin socket listening on {}{} (token from {})", listener.localAddress(),
          tls.isPresent() ? " with TLS" : "", config.token());
      return new AdminServer(boss, workers, listener, channels, audit, limiter);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutdown(boss, workers, audit);
      throw new IOException("interrupted while binding the admin socket", e);
    } catch (RuntimeException e) {
      shutdown(boss, workers, audit);
      throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
  }

  private static Optional<SslContext> tlsContext(AdminServerConfig config) throws IOException {
    if (config.tls().isEmpty()) {
      return Optional.empty();
    }
    AdminServerConfig.TlsFiles f = config.tls().get();
    try {
      return Optional.of(SslContextBuilder.forServer(f.certificateChain().toFile(), f.privateKey().toFile()).build());
    } catch (SSLException | IllegalArgumentException e) {
      throw new IOException("admin TLS: cannot use certificate " + f.certificateChain() + " and key "
          + f.privateKey() + ": " + e.getMessage(), e);
    }
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** Admin connections currently open. */
  public int openConnections() {
    return limiter.open();
  }

  /** Channels tracked, the listener included; each leaves the group when it closes. */
  int trackedChannels() {
    return channels.size();
  }

  @Override
  public void close() {
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    shutdown(boss, workers, audit);
  }

  private static void shutdown(EventLoopGroup boss, EventLoopGroup workers, AuditLog audit) {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    audit.close();
  }
}
