package org.dpem.driver.transport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pair of connected pseudo-terminals made by {@code socat}, standing in for a USB-serial cable:
 * what is written to one end is read at the other. Used to put virtual firmware on the far end of
 * a real serial port. Killing the pair ({@link #kill()}) is how a pulled cable looks to both ends.
 */
public final class PtyPair implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PtyPair.class);
  private final Path a;
  private final Path b;
  private final Process process;
  private final FileChannel owner;

  private PtyPair(Path a, Path b, Process process, FileChannel owner) {
    this.a = a;
    this.b = b;
    this.process = process;
    this.owner = owner;
  }

  /** Whether a {@code socat} binary is on the PATH. */
  public static boolean socatAvailable() {
    return which("socat");
  }

  /** Whether {@code name} is an executable on the PATH. */
  public static boolean which(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts socat with links {@code a} and {@code b} and waits (up to 5 s) until both exist.
   *
   * @throws IOException if socat is missing or the links do not appear
   */
  public static PtyPair start(Path a, Path b) throws IOException {
    if (!socatAvailable()) {
      throw new IOException("socat is not installed (needed for a pseudo-terminal pair)");
    }
    FileChannel owner = own(a);
    Process p;
    try {
      List<String> command = List.of("socat", "-d", "-d",
          "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b);
      // holding the lock, a socat on these links can only be a killed owner's
      reapLeftovers(command);
      Files.deleteIfExists(a);
      Files.deleteIfExists(b);
      p = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException | RuntimeException e) {
      owner.close();
      throw e;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!(Files.exists(a) && Files.exists(b))) {
      if (!p.isAlive()) {
        owner.close();
        throw new IOException("socat exited with " + p.exitValue() + " before creating " + a + " and " + b);
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        owner.close();
        throw new IOException("socat did not create " + a + " and " + b + " within 5 s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        owner.close();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting socat", e);
      }
    }
    return new PtyPair(a, b, p, owner);
  }

  /**
   * Takes {@code A.lock} for as long as the pair lives. The operating system releases it when the
   * owning process dies, however it dies, so a held lock means a live owner whose pair must not be
   * touched, and a free one means any socat still on these links was left behind.
   */
  private static FileChannel own(Path a) throws IOException {
    Path lockFile = a.resolveSibling(a.getFileName() + ".lock");
    FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (ch.tryLock() != null) {
        return ch;
      }
    } catch (OverlappingFileLockException sameProcess) {
      // this process holds it already: fall through to the refusal
    }
    ch.close();
    throw new IOException("the pseudo-terminal pair " + a + " is in use by another live process"
        + " (it holds " + lockFile + ")");
  }

  /**
   * Kills a socat still serving the same links. A controller killed with SIGKILL cannot close its
   * pairs, and the orphan would otherwise run forever next to the new pair, holding a pty that
   * nothing reads; only a process with exactly our arguments is touched.
   */
  private static void reapLeftovers(List<String> command) {
    List<String> args = command.subList(1, command.size());
    List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
        .filter(h -> h.pid() != ProcessHandle.current().pid())
        .filter(h -> h.info().command().map(c -> Path.of(c).getFileName().toString().equals("socat"))
            .orElse(false))
        .filter(h -> h.info().arguments().map(a -> List.of(a).equals(args)).orElse(false))
        .toList();
    for (ProcessHandle h : leftovers) {
      LOG.warn("killing socat pid {} left over from an earlier run on {}", h.pid(), args);
      h.destroyForcibly();
      h.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> h).join();
    }
  }

  public Path a() {
    return a;
  }

  public Path b() {
    return b;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills socat at once (SIGKILL) and waits for it: the cable is pulled. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // SIGKILL leaves socat's links behind; a vanished port must look vanished.
    removeLinks();
  }

  private void removeLinks() {
    try {
      Files.deleteIfExists(a);
      Files.deleteIfExists(b);
    } catch (IOException ignored) {
      // best effort
    }
    try {
      owner.close(); // releases the lock: the links are free for a new pair
    } catch (IOException ignored) {
      // the lock goes with the process anyway
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    removeLinks();
  }
}
