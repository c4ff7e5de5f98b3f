package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Any local process can reach the admin socket: what it can do there without the token must not
 * keep the operator from {@code estop}. Real TCP on loopback, where every peer has one address.
 */
class AdminSocketAbuseTest {
  static final String TOKEN = "abuse-test-token";
  static final Duration AUTH_TIMEOUT = Duration.ofMillis(600);

  ExecutorService loop;
  ExecutorService attackers;
  AdminServer server;
  final AtomicBoolean attacking = new AtomicBoolean(true);

  @BeforeEach
  void start() throws IOException {
    loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-control-loop"));
    attackers = Executors.newCachedThreadPool();
    server = AdminServer.start(AdminServerConfig.builder(AdminToken.of(TOKEN)).port(0)
        .authTimeout(AUTH_TIMEOUT).maxUnauthenticated(8).build(), new InMemoryAdminBackend(4, loop));
  }

  @AfterEach
  void stop() throws InterruptedException {
    attacking.set(false);
    attackers.shutdownNow();
    attackers.awaitTermination(10, TimeUnit.SECONDS);
    server.close();
    loop.shutdownNow();
  }

  @Test
  @Timeout(30)
  void aSlowlorisIsClosedAtTheAuthDeadlineWhateverItTrickles() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      long t0 = System.nanoTime();
      try {
        // one byte of a never-ending line every 50 ms: the idle timeout never fires on this
        for (int i = 0; i < 200; i++) {
          out.write('a');
          out.flush();
          Thread.sleep(50);
        }
      } catch (SocketException closedByServer) {
        // expected: the server closed while we trickled
      }
      String rest = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(rest).contains("not authenticated within 600 ms");
      assertThat(seconds).isLessThan(5);
    } catch (SocketException reset) {
      // closed with our unread bytes in flight: a reset instead of the reply is fine
    }
  }

  @Test
  @Timeout(60)
  void estopStaysReachableWhileOtherLocalProcessesGuessTrickleAndHoard() throws Exception {
    List<Socket> hoard = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      attackers.submit(() -> guessForever());
      attackers.submit(() -> trickleForever());
    }
    attackers.submit(() -> hoardForever(hoard));
    Thread.sleep(1500); // the attack is under way: wrong tokens, slots taken, lockouts running

    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      try (LineClient op = new LineClient(server.port())) {
        JsonNode auth = op.ask("auth " + TOKEN);
        assertThat(auth.path("ok").asBoolean()).as("round %d: %s", round, auth).isTrue();
        JsonNode estop = op.ask("estop");
        assertThat(estop.path("ok").asBoolean()).as("round %d: %s", round, estop).isTrue();
        assertThat(op.ask("resume").path("ok").asBoolean()).isTrue();
      }
      assertThat((System.nanoTime() - t0) / 1e9).as("round %d seconds", round).isLessThan(2);
      Thread.sleep(300);
    }
    synchronized (hoard) {
      for (Socket s : hoard) {
        s.close();
      }
    }
  }

  private void guessForever() {
    while (attacking.get()) {
      try (Socket s = new Socket("127.0.0.1", server.port())) {
        s.setSoTimeout(2000);
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        for (int i = 0; i < 10 && attacking.get(); i++) {
          out.write(("auth guess-" + i + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          if (in.read(new byte[512]) < 0) {
            break;
          }
        }
      } catch (IOException closed) {
        // the server closes guessers: open another
      }
    }
  }

  private void trickleForever() {
    while (attacking.get()) {
      try (Socket s = new Socket("127.0.0.1", server.port())) {
        OutputStream out = s.getOutputStream();
        while (attacking.get()) {
          out.write('x');
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException closed) {
        // closed at the deadline: open another
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void hoardForever(List<Socket> hoard) {
    while (attacking.get()) {
      try {
        Socket s = new Socket("127.0.0.1", server.port());
        synchronized (hoard) {
          hoard.add(s);
        }
        Thread.sleep(20);
      } catch (IOException e) {
        // refused: keep trying
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
