package org.dpem.controller.admin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

/**
 * {@code status} over 16 connections, each a closed loop (send, wait for the reply, repeat), as
 * 16 scripts polling at once would. The server runs in this JVM with the in-memory backend on its
 * own thread, so each command crosses from event loop to "control loop" and back; the audit file
 * is on (its console logger is quietened so the terminal is not what is measured). Throughput
 * mode gives commands/s over all threads; sample mode gives the latency percentiles (p99).
 * Run with {@code controller/bench-admin.sh}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Threads(16)
public class AdminServerBenchmark {
  static final String TOKEN = "bench-token";

  /** Event-loop threads serving connections. */
  @Param({"1", "2"})
  int workers;

  AdminServer server;
  ExecutorService loop;
  Path auditFile;

  @Setup
  public void start() throws IOException {
    ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    auditFile = Files.createTempFile("dpem-admin-bench", ".jsonl");
    loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-control-loop"));
    server = AdminServer.start(AdminServerConfig.builder(AdminToken.of(TOKEN)).port(0).workerThreads(workers)
        .auditFile(auditFile).build(), new InMemoryAdminBackend(100, loop));
  }

  @TearDown
  public void stop() throws IOException {
    server.close();
    loop.shutdownNow();
    Files.deleteIfExists(auditFile);
  }

  /** One connection per benchmark thread. */
  @State(Scope.Thread)
  public static class Connection {
    Socket socket;
    BufferedReader in;
    OutputStream out;
    final byte[] status = "status\n".getBytes(StandardCharsets.US_ASCII);

    @Setup
    public void open(AdminServerBenchmark bench) throws IOException {
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", bench.server.port()));
      socket.setTcpNoDelay(true);
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = socket.getOutputStream();
      out.write(("auth " + TOKEN + "\n").getBytes(StandardCharsets.US_ASCII));
      if (!in.readLine().startsWith("{\"ok\":true")) {
        throw new IOException("auth refused");
      }
    }

    @TearDown
    public void close() throws IOException {
      socket.close();
    }
  }

  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public String status(Connection c) throws IOException {
    c.out.write(c.status);
    c.out.flush();
    String reply = c.in.readLine();
    if (reply == null || !reply.startsWith("{\"ok\":true,\"status\":")) {
      throw new IOException("bad reply: " + reply);
    }
    return reply;
  }
}
