package org.dpem.driver.transport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A byte stream over one serial port (jssc), opened by explicit path.
 *
 * <p>A dedicated reader thread makes short non-blocking reads ({@code getInputBufferBytesCount}
 * then {@code readBytes(n)} of what is there) and parks for {@link SerialSettings#pollInterval()}
 * when the port is empty. {@code readBytes(n, timeout)} busy-spins and ignores interrupts, so it is
 * never used; jssc's event listener polls about every 1.2 ms, too slow for sub-millisecond round
 * trips.
 * A watcher thread notices the port vanishing (USB unplugged, socat gone) because the path
 * disappears or the port stops answering; the link then reports itself lost exactly once and
 * refuses further writes. Reopening is the owner's job: open a new link.
 *
 * <p>As root a second open of the same port succeeds, so the link takes a lock file of its own,
 * keyed by the port's real path, for exclusive use across processes and within one JVM.
 */
public final class SerialLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SerialLink.class);

  /** What the link reports. Called on the link's own threads: return quickly. */
  public interface Listener {
    /** Bytes arrived, in order. The array is the listener's to keep. */
    void onBytes(byte[] data);

    /** The port went away or failed; called at most once, never after {@link #close()}. */
    void onLost(String reason);
  }

  private final SerialSettings settings;
  private final SerialPort port;
  private final Listener listener;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Path lockFile;
  private final AtomicBoolean down = new AtomicBoolean();
  private final Thread watcher;
  private final Thread reader;
  private final Object writeLock = new Object();
  private volatile boolean closing;

  private SerialLink(SerialSettings settings, Listener listener, SerialPort port,
      FileChannel lockChannel, FileLock lock, Path lockFile) {
    this.settings = settings;
    this.listener = listener;
    this.port = port;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.lockFile = lockFile;
    this.watcher = new Thread(this::watch, "serial-watch " + settings.path());
    this.watcher.setDaemon(true);
    this.reader = new Thread(this::read, "serial-read " + settings.path());
    this.reader.setDaemon(true);
  }

  /**
   * Opens the port, takes its lock and starts reading.
   *
   * @throws LinkDownException naming the path if it does not exist, is locked by another user
   *     or cannot be opened
   */
  public static SerialLink open(SerialSettings settings, Listener listener) throws LinkDownException {
    Objects.requireNonNull(listener, "listener");
    Path path = settings.path();
    Path real;
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      throw new LinkDownException("serial port " + path + " does not exist", e);
    }
    Path lockFile = settings.lockDir().resolve(
        "dpem-serial" + real.toString().replaceAll("[^A-Za-z0-9]", "_") + ".lock");
    FileChannel ch = null;
    FileLock lock;
    try {
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = ch.tryLock();
      if (lock == null) {
        throw new LinkDownException("serial port " + path + " (" + real
            + ") is in use by another process (lock " + lockFile + ")");
      }
    } catch (OverlappingFileLockException e) {
      closeQuietly(ch);
      throw new LinkDownException("serial port " + path + " (" + real
          + ") is already open in this process (lock " + lockFile + ")");
    } catch (LinkDownException e) {
      closeQuietly(ch);
      throw e;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new LinkDownException("cannot take lock " + lockFile + " for " + path, e);
    }
    SerialPort port = new SerialPort(real.toString());
    try {
      port.openPort();
      // On a pty setParams reports false although the settings apply; a real UART that rejects
      // them still works at whatever speed it has, so this is logged and not fatal.
      if (!port.setParams(settings.baud(), SerialPort.DATABITS_8, SerialPort.STOPBITS_1,
          SerialPort.PARITY_NONE)) {
        log.debug("setParams returned false on {} (normal for a pseudo-terminal)", path);
      }
    } catch (SerialPortException e) {
      releaseLock(lock, ch, lockFile);
      try {
        port.closePort();
      } catch (SerialPortException ignored) {
        // it never opened
      }
      throw new LinkDownException("cannot open serial port " + path + ": " + e.getExceptionType(), e);
    }
    SerialLink link = new SerialLink(settings, listener, port, ch, lock, lockFile);
    link.reader.start();
    link.watcher.start();
    return link;
  }

  /** The path the link was opened with. */
  public Path path() {
    return settings.path();
  }

  /** Whether the port is open and has not been reported lost. */
  public boolean isUp() {
    return !down.get() && !closing;
  }

  /**
   * Writes all of {@code data}.
   *
   * @throws LinkDownException if the port is gone or the write fails; nothing is queued
   */
  public void write(byte[] data) throws LinkDownException {
    if (!isUp()) {
      throw new LinkDownException("serial port " + path() + " is down");
    }
    synchronized (writeLock) {
      try {
        if (!port.writeBytes(data)) {
          lost("write to " + path() + " failed");
          throw new LinkDownException("write to serial port " + path() + " failed");
        }
      } catch (SerialPortException e) {
        lost("write to " + path() + " failed: " + e.getExceptionType());
        throw new LinkDownException("write to serial port " + path() + " failed: "
            + e.getExceptionType(), e);
      }
    }
  }

  private void read() {
    long park = Math.max(1_000, settings.pollInterval().toNanos());
    while (isUp()) {
      try {
        int n = port.getInputBufferBytesCount();
        if (n < 0) {
          // a pty whose other side closed answers ioctl with an error rather than a count
          lost("serial port " + path() + " stopped answering");
          return;
        }
        if (n == 0) {
          LockSupport.parkNanos(park);
          continue;
        }
        byte[] b = port.readBytes(n);
        if (b != null && b.length > 0) {
          listener.onBytes(b);
        }
      } catch (SerialPortException e) {
        lost("read from " + path() + " failed: " + e.getExceptionType());
        return;
      } catch (RuntimeException e) {
        log.error("serial listener failed on {}", path(), e);
      }
    }
  }

  private void watch() {
    long sleepMs = Math.max(1, settings.watchInterval().toMillis());
    while (isUp()) {
      try {
        Thread.sleep(sleepMs);
      } catch (InterruptedException e) {
        return;
      }
      if (!isUp()) {
        return;
      }
      if (!Files.exists(settings.path())) {
        lost("serial port " + path() + " vanished");
        return;
      }
    }
  }

  private void lost(String reason) {
    if (closing || !down.compareAndSet(false, true)) {
      return;
    }
    log.warn("{}", reason);
    runAside(this::shutdownPort);
    try {
      listener.onLost(reason);
    } catch (RuntimeException e) {
      log.error("serial listener failed on loss of {}", path(), e);
    }
  }

  private void shutdownPort() {
    if (Thread.currentThread() != reader) {
      reader.interrupt();
      try {
        reader.join(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      port.closePort();
    } catch (SerialPortException | RuntimeException ignored) {
      // same
    }
    releaseLock(lock, lockChannel, lockFile);
  }

  /** Loss may be noticed on the reader thread itself: the port is closed from another one. */
  private void runAside(Runnable r) {
    Thread t = new Thread(r, "serial-close " + path());
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    boolean wasUp = down.compareAndSet(false, true);
    watcher.interrupt();
    if (wasUp) {
      shutdownPort();
    }
  }

  private static void releaseLock(FileLock lock, FileChannel ch, Path lockFile) {
    try {
      lock.release();
    } catch (IOException | RuntimeException ignored) {
      // closing the channel releases it too
    }
    // The file stays: deleting it would let two openers lock two different inodes.
    closeQuietly(ch);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }
}
