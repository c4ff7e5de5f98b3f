package org.dpem.driver.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open one serial port.
 *
 * @param path explicit device path: {@code /dev/ttyUSB0}, {@code /dev/pts/7} or a socat link;
 *     the jssc port lister skips ptys and links, so ports are always named, never discovered
 * @param baud line speed; ignored by pseudo-terminals
 * @param lockDir where the exclusive-use lock file goes
 * @param watchInterval how often the reader checks that the port still exists
 */
public record SerialSettings(Path path, int baud, Path lockDir, Duration watchInterval) {
  public SerialSettings {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(lockDir, "lockDir");
    Objects.requireNonNull(watchInterval, "watchInterval");
    if (baud <= 0) {
      throw new IllegalArgumentException("baud must be > 0, got " + baud);
    }
  }

  /** 115200 baud, locks in {@code java.io.tmpdir}, existence checked every 50 ms. */
  public static SerialSettings of(Path path) {
    return new SerialSettings(path, 115_200, Path.of(System.getProperty("java.io.tmpdir")),
        Duration.ofMillis(50));
  }
}
