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
 * @param watchInterval how often the port's path is checked for existence
 * @param pollInterval how long the reader parks between non-blocking reads of an empty port; it
 *     bounds the latency one way (jssc's own event thread polls about every 1.2 ms)
 */
public record SerialSettings(Path path, int baud, Path lockDir, Duration watchInterval,
    Duration pollInterval) {
  public SerialSettings {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(lockDir, "lockDir");
    Objects.requireNonNull(watchInterval, "watchInterval");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (baud <= 0) {
      throw new IllegalArgumentException("baud must be > 0, got " + baud);
    }
  }

  /** 115200 baud, locks in {@code java.io.tmpdir}, existence checked every 50 ms, reads polled every 100 us. */
  public static SerialSettings of(Path path) {
    return new SerialSettings(path, 115_200, Path.of(System.getProperty("java.io.tmpdir")),
        Duration.ofMillis(50), DEFAULT_POLL);
  }

  /** The default read poll interval. */
  public static final Duration DEFAULT_POLL = Duration.ofNanos(100_000);

  /** Same settings with another lock directory and watch interval (tests). */
  public SerialSettings(Path path, int baud, Path lockDir, Duration watchInterval) {
    this(path, baud, lockDir, watchInterval, DEFAULT_POLL);
  }
}
