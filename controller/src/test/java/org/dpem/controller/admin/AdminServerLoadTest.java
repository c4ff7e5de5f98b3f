package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** "Bad input and load" from the issue, over real sockets. */
class AdminServerLoadTest {
  static final String TOKEN = "load-token";
  static final String[] VOCABULARY = {"status", "nodes", "node", "devices", "device", "request", "requests",
      "cancel", "allocations", "policy", "drain", "undrain", "resume", "fed", "train", "metrics", "topology",
      "help", "auth", "n0", "n1", "n3", "n9", "r1", "r2", "0.9", "0.1", "abc", "-1", "1e9", "NaN", "10", "30",
      "safe", "clear-fault", "greedy", "queued", "n0-source", "\u00e9\u00e8", "\u2603", "\t", "  "};

  ExecutorService loop;
  AdminServer server;
  final Logger audit = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
  final Logger dispatcher = (Logger) LoggerFactory.getLogger(CommandDispatcher.class);
  Level auditLevel;

  @BeforeEach
  void start() throws IOException {
    // 100,000 audit lines on the console would drown the build log.
    auditLevel = audit.getLevel();
    audit.setLevel(Level.WARN);
    loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-control-loop"));
    server = AdminServer.start(AdminServerConfig.builder(AdminToken.of(TOKEN)).port(0).build(),
        new InMemoryAdminBackend(10, loop));
  }

  @AfterEach
  void stop() {
    server.close();
    loop.shutdownNow();
    audit.setLevel(auditLevel);
  }

  @Test
  void hundredThousandRandomLinesAreEachAnsweredOrCloseTheConnectionAndNothingLeaks() throws Exception {
    Logger leakLog = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    ListAppender<ILoggingEvent> leaks = new ListAppender<>();
    leaks.start();
    leakLog.addAppender(leaks);
    // The deliberate leak below would print a long trace; keep reports in the list only.
    leakLog.setAdditive(false);
    ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    // The backend answers on the event loop here: this test is about bad input and leaks, and a
    // hop to a loop thread per valid command makes it several times longer on a busy machine
    // (the hop is covered by the socket tests and the benchmark).
    server.close();
    server = AdminServer.start(AdminServerConfig.builder(AdminToken.of(TOKEN)).port(0).build(),
        InMemoryAdminBackend.direct(10));
    try {
      int connections = 4;
      int perConnection = 25_000;
      ExecutorService clients = Executors.newFixedThreadPool(connections);
      List<Future<int[]>> results = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        long seed = 1000 + i;
        results.add(clients.submit(() -> fuzz(seed, perConnection)));
      }
      int answered = 0;
      int closes = 0;
      for (Future<int[]> f : results) {
        int[] r = f.get(120, TimeUnit.SECONDS);
        answered += r[0];
        closes += r[1];
      }
      clients.shutdown();
      assertThat(answered + closes).isEqualTo(connections * perConnection);
      assertThat(closes).as("some lines were overlong or quit").isPositive();

      // Still up, and every connection the fuzzers opened is gone.
      try (LineClient c = new LineClient(server.port()).auth(TOKEN)) {
        assertThat(c.ask("status").path("ok").asBoolean()).isTrue();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (server.openConnections() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.openConnections()).isZero();
      assertThat(server.trackedChannels()).as("only the listener").isEqualTo(1);
      provokeLeakReports();
      assertThat(leaks.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("LEAK"));

      // The detector does see a leak when there is one, so the check above can fail.
      ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
      leaked.writeLong(42);
      leaked = null;
      provokeLeakReports();
      assertThat(leaks.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains("LEAK"));
    } finally {
      ResourceLeakDetector.setLevel(before);
      leakLog.detachAppender(leaks);
      leakLog.setAdditive(true);
    }
  }

  /** Leaks are reported when a collected buffer is noticed, on a later allocation. */
  private static void provokeLeakReports() throws InterruptedException {
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(50);
      for (int j = 0; j < 100; j++) {
        PooledByteBufAllocator.DEFAULT.directBuffer(16).release();
      }
    }
  }

  /**
   * Sends random lines in pipelined batches; after each batch reads every reply. A line that closes
   * the connection (overlong, quit) must be answered and then followed by end of stream; the
   * fuzzer then reconnects. Returns {answered lines, closing lines}.
   */
  private int[] fuzz(long seed, int lines) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    int answered = 0;
    int closes = 0;
    int sent = 0;
    while (sent < lines) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", server.port()));
        s.setSoTimeout(20_000);
        OutputStream out = s.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        out.write(("auth " + TOKEN + "\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(AdminJson.MAPPER.readTree(in.readLine()).path("ok").asBoolean()).isTrue();
        boolean open = true;
        while (open && sent < lines) {
          int batch = Math.min(1 + rnd.nextInt(256), lines - sent);
          ByteArrayOutputStream buf = new ByteArrayOutputStream();
          int closingAt = -1;
          for (int i = 0; i < batch; i++) {
            byte[] line = randomLine(rnd);
            buf.write(line);
            buf.write('\n');
            if (closingAt < 0 && closes(line)) {
              closingAt = i;
            }
          }
          out.write(buf.toByteArray());
          out.flush();
          int expected = closingAt < 0 ? batch : closingAt + 1;
          for (int i = 0; i < expected; i++) {
            String reply = in.readLine();
            if (reply == null || !(reply.startsWith("{\"ok\":true") || reply.startsWith("{\"ok\":false,\"error\":\""))
                || rnd.nextInt(50) == 0) {
              // Every reply is checked for its shape; one in fifty (and any odd one) is parsed.
              assertThat(reply).as("reply to line %d of batch (seed %d)", i, seed).isNotNull();
              JsonNode r = AdminJson.MAPPER.readTree(reply);
              assertThat(r.path("ok").isBoolean()).as(reply).isTrue();
              if (!r.path("ok").asBoolean()) {
                assertThat(r.path("error").asText()).isNotBlank();
              }
            }
          }
          if (closingAt >= 0) {
            assertThat(in.readLine()).as("closed after the closing line").isNull();
            answered += closingAt;
            closes++;
            sent += closingAt + 1;
            open = false;
          } else {
            answered += batch;
            sent += batch;
          }
        }
        if (open) {
          out.write("quit\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          assertThat(in.readLine()).contains("\"bye\":true");
        }
      }
    }
    return new int[] {answered, closes};
  }

  private static boolean closes(byte[] line) {
    if (line.length > AdminServerConfig.MAX_LINE_BYTES) {
      return true;
    }
    return Words.of(new String(line, StandardCharsets.UTF_8)).name().equals("quit");
  }

  private static byte[] randomLine(SplittableRandom rnd) {
    int kind = rnd.nextInt(1000);
    if (kind < 5) {
      return filler(rnd, AdminServerConfig.MAX_LINE_BYTES + 1 + rnd.nextInt(3000));
    }
    if (kind < 8) {
      return filler(rnd, 3000 + rnd.nextInt(AdminServerConfig.MAX_LINE_BYTES - 3000 + 1));
    }
    if (kind < 10) {
      return "quit".getBytes(StandardCharsets.US_ASCII);
    }
    if (kind < 300) {
      // Raw bytes, invalid UTF-8 and control characters included (no newline, no trailing CR).
      byte[] b = new byte[rnd.nextInt(60)];
      for (int i = 0; i < b.length; i++) {
        byte x;
        do {
          x = (byte) rnd.nextInt(256);
        } while (x == '\n' || (i == b.length - 1 && x == '\r'));
        b[i] = x;
      }
      return b;
    }
    StringBuilder sb = new StringBuilder();
    int words = rnd.nextInt(7);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(VOCABULARY[rnd.nextInt(VOCABULARY.length)]);
    }
    String s = sb.toString();
    return (s.equals("quit") ? "quit!" : s).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] filler(SplittableRandom rnd, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + rnd.nextInt(26));
    }
    return b;
  }

  @Test
  void twoHundredConcurrentClientsAreAllServed() throws Exception {
    int n = 200;
    CyclicBarrier allConnected = new CyclicBarrier(n);
    ExecutorService clients = Executors.newFixedThreadPool(n);
    List<Future<Boolean>> served = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      served.add(clients.submit(() -> {
        try (LineClient c = new LineClient(server.port()).auth(TOKEN)) {
          boolean first = c.ask("status").path("ok").asBoolean();
          allConnected.await(30, TimeUnit.SECONDS); // all 200 connections open at once
          boolean second = c.ask("status").path("status").path("usableNodes").asInt() == 10;
          return first && second;
        }
      }));
    }
    int ok = 0;
    for (Future<Boolean> f : served) {
      if (f.get(60, TimeUnit.SECONDS)) {
        ok++;
      }
    }
    clients.shutdown();
    assertThat(ok).isEqualTo(n);
  }
}
