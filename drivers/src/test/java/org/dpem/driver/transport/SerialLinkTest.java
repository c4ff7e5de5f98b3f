package org.dpem.driver.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialLinkTest {
  @TempDir Path dir;
  PtyPair pty;

  static final class Sink implements SerialLink.Listener {
    final ByteArrayOutputStream got = new ByteArrayOutputStream();
    final AtomicReference<String> lost = new AtomicReference<>();

    @Override
    public synchronized void onBytes(byte[] data) {
      got.writeBytes(data);
    }

    @Override
    public void onLost(String reason) {
      lost.set(reason);
    }

    synchronized int size() {
      return got.size();
    }

    synchronized byte[] bytes() {
      return got.toByteArray();
    }
  }

  @BeforeEach
  void socat() throws Exception {
    Hil.requireBinary("socat");
    pty = PtyPair.start(dir.resolve("A"), dir.resolve("B"));
  }

  @AfterEach
  void stop() {
    if (pty != null) {
      pty.close();
    }
  }

  private SerialSettings settings(Path p) {
    return new SerialSettings(p, 115200, dir, Duration.ofMillis(20));
  }

  @Test
  void bytesCrossThePtyBothWaysOnExplicitLinkPaths() throws Exception {
    Sink sa = new Sink();
    Sink sb = new Sink();
    try (SerialLink a = SerialLink.open(settings(pty.a()), sa);
        SerialLink b = SerialLink.open(settings(pty.b()), sb)) {
      byte[] big = new byte[20_000];
      for (int i = 0; i < big.length; i++) {
        big[i] = (byte) i;
      }
      a.write(big);
      b.write(new byte[] {0, 1, 2});
      assertThat(Hil.await(Duration.ofSeconds(5), () -> sb.size() == big.length)).isTrue();
      assertThat(sb.bytes()).isEqualTo(big);
      assertThat(Hil.await(Duration.ofSeconds(2), () -> sa.size() == 3)).isTrue();
      assertThat(sa.bytes()).containsExactly(0, 1, 2);
    }
  }

  @Test
  void secondOpenOfTheSamePortIsRefusedByTheLock() throws Exception {
    try (SerialLink a = SerialLink.open(settings(pty.a()), new Sink())) {
      // the same device through its real /dev/pts path must hit the same lock
      Path real = pty.a().toRealPath();
      assertThatThrownBy(() -> SerialLink.open(settings(real), new Sink()))
          .isInstanceOf(LinkDownException.class)
          .hasMessageContaining("already open");
    }
    // released on close: opening again works
    try (SerialLink again = SerialLink.open(settings(pty.a()), new Sink())) {
      assertThat(again.isUp()).isTrue();
    }
  }

  @Test
  void missingPortIsAClearError() {
    assertThatThrownBy(() -> SerialLink.open(settings(dir.resolve("nope")), new Sink()))
        .isInstanceOf(LinkDownException.class)
        .hasMessageContaining("nope").hasMessageContaining("does not exist");
  }

  @Test
  void killingSocatIsReportedAsLostAndWritesFail() throws Exception {
    Sink sa = new Sink();
    SerialLink a = SerialLink.open(settings(pty.a()), sa);
    pty.kill();
    assertThat(Hil.await(Duration.ofSeconds(2), () -> sa.lost.get() != null)).isTrue();
    assertThat(a.isUp()).isFalse();
    assertThatThrownBy(() -> a.write(new byte[] {1})).isInstanceOf(LinkDownException.class)
        .hasMessageContaining(pty.a().toString());
    a.close();
  }
}
