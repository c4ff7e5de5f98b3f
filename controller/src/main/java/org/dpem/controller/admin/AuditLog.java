package org.dpem.controller.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who ran what, when, and how it ended: one entry per operator command, to the {@value #LOGGER}
 * logger and, if configured, as a JSON line appended to a file. File writes happen on a thread of
 * their own so a slow disk never stalls an event loop.
 */
public final class AuditLog implements AutoCloseable {
  public static final String LOGGER = "dpem.admin.audit";
  private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  private final Clock clock;
  private final BufferedWriter file;
  private final ExecutorService writer;

  public AuditLog(Clock clock, Optional<Path> file) throws IOException {
    this.clock = clock;
    if (file.isPresent()) {
      Path dir = file.get().toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      this.file = Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      this.writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dpem-admin-audit");
        t.setDaemon(true);
        return t;
      });
    } else {
      this.file = null;
      this.writer = null;
    }
  }

  /**
   * Records one command: {@code line} must already have its secrets masked. Line and error come
   * from unauthenticated peers too, so control characters in them are escaped: raw, they would
   * reach the terminal of whoever reads the log (escape sequences that rewrite the screen or hide
   * lines).
   */
  void record(String peer, String rawLine, boolean ok, String rawError) {
    if (writer == null && !AUDIT.isInfoEnabled()) {
      return;
    }
    String line = Words.printable(rawLine);
    String error = rawError == null ? null : Words.printable(rawError);
    String time = clock.instant().toString();
    if (ok) {
      AUDIT.info("{} {} ok: {}", time, peer, line);
    } else {
      AUDIT.info("{} {} refused: {} -> {}", time, peer, line, error);
    }
    if (writer != null) {
      ObjectNode entry = AdminJson.MAPPER.createObjectNode();
      entry.put("time", time);
      entry.put("peer", peer);
      entry.put("command", line);
      entry.put("ok", ok);
      if (!ok) {
        entry.put("error", error);
      }
      String json = AdminJson.write(entry);
      writer.execute(() -> append(json));
    }
  }

  private void append(String json) {
    try {
      file.write(json);
      file.newLine();
      file.flush();
    } catch (IOException e) {
      LOG.error("cannot append to the audit file: {}", e.toString());
    }
  }

  @Override
  public void close() {
    if (writer == null) {
      return;
    }
    writer.shutdown();
    try {
      if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("audit writer did not finish within 5 s; some entries may be missing");
      }
      file.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.error("cannot close the audit file: {}", e.toString());
    }
  }
}
