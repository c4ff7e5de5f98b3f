package org.dpem.controller.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dpem.config.controller.AdminConfig;

/**
 * Everything the admin server is started with. Build with {@link #builder(AdminToken)}; every
 * setting but the token has a default suited to one operator host.
 *
 * @param host bind address (loopback by default: nothing is exposed unless asked)
 * @param port TCP port; 0 picks a free one (tests)
 * @param token the shared secret
 * @param idleTimeout a connection with no traffic for this long is closed
 * @param commandTimeout a command the controller has not answered within this gets an error
 * @param maxConnections connections beyond this are refused with an error
 * @param workerThreads event-loop threads serving connections
 * @param tls certificate and key to serve TLS, if present
 * @param auditFile append-only file of audit lines (JSON), if present; the audit logger always runs
 * @param lockoutBase delay imposed on a connection after its first failed {@code auth}; doubles
 *     with each further failure on that connection
 * @param lockoutMax ceiling of that delay
 * @param clock wall clock for audit time stamps
 * @param authTimeout a connection not authenticated this long after connecting is closed
 * @param maxUnauthenticated connections not yet authenticated at one time; a new one beyond this
 *     closes the oldest
 */
public record AdminServerConfig(String host, int port, AdminToken token, Duration idleTimeout,
    Duration commandTimeout, int maxConnections, int workerThreads, Optional<TlsFiles> tls,
    Optional<Path> auditFile, Duration lockoutBase, Duration lockoutMax, Clock clock,
    Duration authTimeout, int maxUnauthenticated) {

  /** Lines longer than this (bytes, without the newline) are refused and the connection closed. */
  public static final int MAX_LINE_BYTES = 4096;
  public static final int DEFAULT_PORT = 7700;

  public AdminServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(auditFile, "auditFile");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("admin port must be in 0..65535, got " + port);
    }
    positive(idleTimeout, "idleTimeout");
    positive(commandTimeout, "commandTimeout");
    positive(lockoutBase, "lockoutBase");
    positive(lockoutMax, "lockoutMax");
    positive(authTimeout, "authTimeout");
    if (maxUnauthenticated < 1) {
      throw new IllegalArgumentException("maxUnauthenticated must be at least 1, got " + maxUnauthenticated);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
    }
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1, got " + workerThreads);
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }

  public static Builder builder(AdminToken token) {
    return new Builder(token);
  }

  /**
   * Settings from the config file's {@code admin:} section. The token is the inline one, else the
   * configured token file (generated there if missing), else {@code env}'s {@value AdminToken#ENV},
   * else the default token file (generated if missing).
   *
   * @throws IOException if a token file cannot be read or created, or is readable by others
   */
  public static Builder fromConfig(AdminConfig admin, Map<String, String> env) throws IOException {
    AdminToken token;
    if (admin.token().isPresent()) {
      token = AdminToken.of(admin.token().get());
    } else if (admin.tokenFile().isPresent()) {
      token = AdminToken.resolve(Optional.empty(), Map.of(), admin.tokenFile().get());
    } else {
      token = AdminToken.resolve(Optional.empty(), env, AdminToken.defaultFile());
    }
    Builder b = builder(token).host(admin.address()).port(admin.port());
    admin.tls().ifPresent(t -> b.tls(new TlsFiles(t.cert(), t.key())));
    return b;
  }

  /** PEM certificate chain and PKCS#8 PEM private key. */
  public record TlsFiles(Path certificateChain, Path privateKey) {
    public TlsFiles {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  /**
   * Defaults: 127.0.0.1:7700, 10 min idle, 10 s per command, 1024 connections, 1 worker, 5 s to
   * authenticate, 256 unauthenticated connections (a burst of clients connecting at once fits).
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private final AdminToken token;
    private Duration idleTimeout = Duration.ofMinutes(10);
    private Duration commandTimeout = Duration.ofSeconds(10);
    private int maxConnections = 1024;
    private int workerThreads = 1;
    private TlsFiles tls;
    private Path auditFile;
    private Duration lockoutBase = Duration.ofMillis(250);
    private Duration lockoutMax = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();
    private Duration authTimeout = Duration.ofSeconds(5);
    private int maxUnauthenticated = 256;

    private Builder(AdminToken token) {
      this.token = token;
    }

    public Builder host(String v) { host = v; return this; }
    public Builder port(int v) { port = v; return this; }
    public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
    public Builder commandTimeout(Duration v) { commandTimeout = v; return this; }
    public Builder maxConnections(int v) { maxConnections = v; return this; }
    public Builder workerThreads(int v) { workerThreads = v; return this; }
    public Builder tls(TlsFiles v) { tls = v; return this; }
    public Builder auditFile(Path v) { auditFile = v; return this; }
    public Builder lockout(Duration base, Duration max) { lockoutBase = base; lockoutMax = max; return this; }
    public Builder clock(Clock v) { clock = v; return this; }
    public Builder authTimeout(Duration v) { authTimeout = v; return this; }
    public Builder maxUnauthenticated(int v) { maxUnauthenticated = v; return this; }

    public AdminServerConfig build() {
      return new AdminServerConfig(host, port, token, idleTimeout, commandTimeout, maxConnections,
          workerThreads, Optional.ofNullable(tls), Optional.ofNullable(auditFile), lockoutBase,
          lockoutMax, clock, authTimeout, maxUnauthenticated);
    }
  }
}
