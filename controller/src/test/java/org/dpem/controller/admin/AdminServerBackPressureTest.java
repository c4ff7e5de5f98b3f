package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A client that sends many commands with long replies and does not read them. */
class AdminServerBackPressureTest {

  static long used() {
    ByteBufAllocatorMetric m = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
    return m.usedDirectMemory() + m.usedHeapMemory();
  }

  @Test
  void aSlowReaderStopsTheServerReadingInsteadOfFillingItsMemory() throws Exception {
    ExecutorService loop = Executors.newSingleThreadExecutor();
    int commands = 2000;
    try (AdminServer server = AdminServer.start(AdminServerConfig.builder(AdminToken.of("t")).port(0).build(),
        new InMemoryAdminBackend(300, loop)); LineClient c = new LineClient(server.port()).auth("t")) {
      int replyBytes = c.ask("topology").toString().length();
      assertThat(replyBytes).isGreaterThan(14_000);
      long before = used();
      Thread writer = new Thread(() -> {
        try {
          OutputStream out = c.socket.getOutputStream();
          byte[] line = "topology\n".getBytes(StandardCharsets.US_ASCII);
          for (int i = 0; i < commands; i++) {
            out.write(line);
          }
          out.flush();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      writer.start();
      long peak = 0;
      long end = System.nanoTime() + 2_000_000_000L;
      while (System.nanoTime() < end) {
        peak = Math.max(peak, used() - before);
        Thread.sleep(20);
      }
      // Unbounded, the replies would pile up to commands * replyBytes (about 30 MB) in the server.
      assertThat(peak).as("server buffer growth while the client does not read")
          .isLessThan(commands * (long) replyBytes / 3);
      for (int i = 0; i < commands; i++) {
        String r = c.readLine();
        assertThat(r).as("reply %d", i).startsWith("{\"ok\":true,\"topology\":").hasSize(replyBytes);
      }
      writer.join(10_000);
      assertThat(c.ask("status").path("ok").asBoolean()).isTrue();
    } finally {
      loop.shutdownNow();
    }
  }
}
