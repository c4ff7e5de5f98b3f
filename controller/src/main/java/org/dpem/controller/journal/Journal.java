package org.dpem.controller.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The append-only journal of request and allocation transitions. Each record is framed as
 * {@code [u32 payload length][u32 CRC-32C of payload][payload]} (big-endian), so a torn or
 * corrupted tail is detected on replay. Records are buffered and written at {@link #flush}, which
 * the control loop calls once per epoch; with {@code sync} the file is also forced to the disk
 * (survives power loss, not just a killed process).
 *
 * <p>{@link #open} replays what is there first. A damaged record in the middle is skipped: the
 * replay resynchronises on the next intact record (the next offset where a plausible length, a
 * matching CRC and a decodable payload line up) and keeps every record after it. A damaged tail
 * is cut off so that new records follow the last good one. Every damaged region is reported in
 * the {@link Replay}.
 */
public final class Journal implements AutoCloseable {
  /** Largest payload accepted on replay: anything longer is treated as corruption. */
  static final int MAX_PAYLOAD = 1 << 16;

  private final Path file;
  private FileChannel channel;
  private final boolean sync;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(4096);
  private final CRC32C crc = new CRC32C();
  private long records;

  private Journal(Path file, FileChannel channel, boolean sync) {
    this.file = file;
    this.channel = channel;
    this.sync = sync;
  }

  /**
   * No record that hands out an id is shorter: an 8-byte frame header, a type byte and the id.
   * Damaged bytes can hide at most (length / this) ids.
   */
  static final int MIN_ID_RECORD_BYTES = 8 + 1 + 8;

  /**
   * Bytes of the file that held no intact record.
   *
   * @param offset where the damage starts
   * @param length how many bytes were skipped (to the next intact record, or to the end)
   * @param cause what was wrong with the record at {@code offset}
   */
  public record Damage(long offset, long length, String cause) {
    @Override
    public String toString() {
      return cause + " (" + length + " bytes skipped at byte " + offset + ")";
    }
  }

  /**
   * What the journal held at open.
   *
   * @param records the intact records in order
   * @param goodBytes end of the last intact record: new records are written from here
   * @param damage every damaged region, in file order (a damaged tail is the last)
   * @param discardedBytes bytes after {@code goodBytes} (a damaged tail), cut off at open
   */
  public record Replay(List<JournalRecord> records, long goodBytes, List<Damage> damage,
      long discardedBytes) {
    public Replay {
      records = List.copyOf(records);
      damage = List.copyOf(damage);
    }

    public boolean corrupt() {
      return !damage.isEmpty();
    }

    /** Every damaged region described, or empty. */
    public String corruption() {
      return String.join("; ", damage.stream().map(Damage::toString).toList());
    }

    /** Bytes in damaged regions, in the middle and at the tail. */
    public long lostBytes() {
      return damage.stream().mapToLong(Damage::length).sum();
    }

    /**
     * How many ids the damaged bytes could have handed out: a restart skips that many past the
     * highest id seen, since any of them may have been acknowledged.
     */
    public long idsLostAtMost() {
      return (lostBytes() + MIN_ID_RECORD_BYTES - 1) / MIN_ID_RECORD_BYTES;
    }
  }

  /** Opens (creating if absent) the journal at {@code file}, returning it and its replay. */
  public static Opened open(Path file, boolean sync) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      finishRotation(file);
      Replay replay = read(file);
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      Path tail = null;
      if (ch.size() > replay.goodBytes()) {
        tail = keepTail(file, replay.goodBytes());
        ch.truncate(replay.goodBytes());
        ch.force(true);
      }
      ch.position(replay.goodBytes());
      return new Opened(new Journal(file, ch, sync), replay, tail);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * An open journal and what it replayed.
   *
   * @param savedTail where the bytes cut off after the good prefix were kept, or null if none
   */
  public record Opened(Journal journal, Replay replay, Path savedTail) {}

  /**
   * Copies the bytes after the good prefix to {@code FILE.tail-OFFSET} before they are cut off:
   * a torn write is usually garbage, but a damaged disk block may hold records someone wants to
   * look at by hand, and truncating must not be the only copy.
   */
  private static Path keepTail(Path file, long goodBytes) throws IOException {
    Path tail = file.resolveSibling(file.getFileName() + ".tail-" + goodBytes);
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(tail, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      long size = in.size();
      long at = goodBytes;
      while (at < size) {
        at += in.transferTo(at, size - at, out);
      }
      out.force(true);
    }
    return tail;
  }

  /**
   * Replaces the file by {@code snapshot} (the records a later replay needs) and keeps the old
   * file as {@code FILE.archive-N}, so that replay at start stays short on a controller that runs
   * for weeks while no history is thrown away. Buffered records are written to the old file
   * first. A crash at any point leaves either the old file or the complete new one as
   * {@code FILE}: the new one is written beside it and synced before the two renames, and
   * {@link #open} completes a rotation that a crash interrupted between them.
   *
   * @return where the old file was kept
   */
  public Path rotate(List<JournalRecord> snapshot) {
    flush();
    Path next = nextFile(file);
    Path archive = archiveFile(file);
    try {
      try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer b = ByteBuffer.wrap(frame(snapshot));
        while (b.hasRemaining()) {
          out.write(b);
        }
        out.force(true);
      }
      channel.force(true);
      channel.close();
      Files.move(file, archive, StandardCopyOption.ATOMIC_MOVE);
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(file);
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
      channel.position(channel.size());
      records += snapshot.size();
      return archive;
    } catch (IOException e) {
      throw new UncheckedIOException("journal " + file + ": rotation failed: " + e.getMessage(), e);
    }
  }

  /** Current size of the file on disk (without buffered records). */
  public long sizeBytes() {
    try {
      return channel.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path nextFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".next");
  }

  /** The first free {@code FILE.archive-N}. */
  private static Path archiveFile(Path file) {
    for (int n = 1; ; n++) {
      Path p = file.resolveSibling(file.getFileName() + ".archive-" + n);
      if (!Files.exists(p)) {
        return p;
      }
    }
  }

  /**
   * A rotation interrupted by a crash: with the file present the new one was never moved in
   * (it may be partial, and the file is still whole), otherwise the new one is complete.
   */
  private static void finishRotation(Path file) throws IOException {
    Path next = nextFile(file);
    if (!Files.exists(next)) {
      return;
    }
    if (Files.exists(file)) {
      Files.delete(next);
    } else {
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void syncDirectory(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // not every file system lets a directory be synced; the renames themselves are atomic
    }
  }

  private byte[] frame(List<JournalRecord> recs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (JournalRecord rec : recs) {
      byte[] payload = RecordCodec.encode(rec);
      crc.reset();
      crc.update(payload);
      out.writeBytes(ByteBuffer.allocate(8).putInt(payload.length).putInt((int) crc.getValue()).array());
      out.writeBytes(payload);
    }
    return out.toByteArray();
  }

  /** Reads every intact record of {@code file} without changing it. */
  public static Replay read(Path file) throws IOException {
    List<JournalRecord> out = new ArrayList<>();
    List<Damage> damage = new ArrayList<>();
    if (!Files.exists(file)) {
      return new Replay(out, 0, damage, 0);
    }
    byte[] all = Files.readAllBytes(file);
    CRC32C crc = new CRC32C();
    String[] why = new String[1];
    int at = 0;
    long good = 0;
    while (at < all.length) {
      JournalRecord rec = decodeAt(all, at, crc, why);
      if (rec != null) {
        out.add(rec);
        at += 8 + ByteBuffer.wrap(all, at, 4).getInt();
        good = at;
        continue;
      }
      int next = at + 1;
      while (next < all.length && decodeAt(all, next, crc, new String[1]) == null) {
        next++;
      }
      damage.add(new Damage(at, next - at, why[0]));
      at = next;
    }
    return new Replay(out, good, damage, all.length - good);
  }

  /** The record framed at {@code at}, or null with the reason in {@code why[0]}. */
  private static JournalRecord decodeAt(byte[] all, int at, CRC32C crc, String[] why) {
    int remaining = all.length - at;
    if (remaining < 8) {
      why[0] = "truncated record header at byte " + at;
      return null;
    }
    ByteBuffer buf = ByteBuffer.wrap(all, at, remaining);
    int len = buf.getInt();
    int expect = buf.getInt();
    if (len <= 0 || len > MAX_PAYLOAD) {
      why[0] = "implausible record length " + len + " at byte " + at;
      return null;
    }
    if (remaining - 8 < len) {
      why[0] = "truncated record at byte " + at + " (" + len + " bytes declared, "
          + (remaining - 8) + " present)";
      return null;
    }
    crc.reset();
    crc.update(all, at + 8, len);
    if ((int) crc.getValue() != expect) {
      why[0] = "CRC mismatch in record at byte " + at;
      return null;
    }
    try {
      return RecordCodec.decode(java.util.Arrays.copyOfRange(all, at + 8, at + 8 + len));
    } catch (IOException | IllegalArgumentException e) {
      why[0] = "undecodable record at byte " + at + ": " + e.getMessage();
      return null;
    }
  }

  /** Buffers a record; it reaches the file at the next {@link #flush}. */
  public void append(JournalRecord rec) {
    pending.writeBytes(frame(List.of(rec)));
    records++;
  }

  /** Writes buffered records (and forces them to disk when syncing). */
  public void flush() {
    if (pending.size() == 0) {
      return;
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(pending.toByteArray());
      while (b.hasRemaining()) {
        channel.write(b);
      }
      pending.reset();
      if (sync) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("journal " + file + ": write failed: " + e.getMessage(), e);
    }
  }

  public long recordsAppended() {
    return records;
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      flush();
    } finally {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
