package org.dpem.controller.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dpem.controller.request.RejectReason;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestState;
import org.dpem.hal.NodeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  static Request req(long id) {
    return new Request(id, NodeId.of("a"), NodeId.of("b"), 0.8, 3, 10, 2_000_000_000L, 1);
  }

  List<JournalRecord> sample() {
    return List.of(new JournalRecord.Origin(1234),
        new JournalRecord.IdFloor(40, 9),
        new JournalRecord.Admitted(req(1), RequestState.QUEUED, null),
        new JournalRecord.Admitted(req(2), RequestState.REJECTED, RejectReason.NODE_DRAINED),
        new JournalRecord.AllocationOpened(7, 1, List.of("a", "x", "b"), 0.25),
        new JournalRecord.Progress(1, 1, 0.91),
        new JournalRecord.AllocationClosed(7, "delivered"),
        new JournalRecord.Moved(1, RequestState.DELIVERED, null, 99));
  }

  @Test
  void recordsRoundTripThroughTheFile() throws Exception {
    Path f = dir.resolve("j.bin");
    Journal.Opened o = Journal.open(f, true);
    assertThat(o.replay().records()).isEmpty();
    sample().forEach(o.journal()::append);
    o.journal().close();
    Journal.Replay r = Journal.read(f);
    assertThat(r.corrupt()).isFalse();
    assertThat(r.records()).isEqualTo(sample());
  }

  @Test
  void nothingReachesTheFileBeforeFlush() throws Exception {
    Path f = dir.resolve("j.bin");
    Journal j = Journal.open(f, false).journal();
    j.append(sample().get(1));
    assertThat(Files.size(f)).isZero();
    j.flush();
    assertThat(Journal.read(f).records()).hasSize(1);
    j.close();
  }

  @Test
  void aCorruptTailIsDetectedReportedAndCutAndEverythingBeforeItRecovered() throws Exception {
    Path f = dir.resolve("j.bin");
    Journal j = Journal.open(f, false).journal();
    sample().forEach(j::append);
    j.close();
    long size = Files.size(f);
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.seek(size - 3); // inside the last record's payload
      int b = raf.read();
      raf.seek(size - 3);
      raf.write(b ^ 0x40);
    }
    byte[] damaged = Files.readAllBytes(f);
    Journal.Opened o = Journal.open(f, false);
    assertThat(o.replay().corrupt()).isTrue();
    assertThat(o.replay().corruption()).contains("CRC mismatch");
    assertThat(o.replay().records()).isEqualTo(sample().subList(0, sample().size() - 1));
    assertThat(o.replay().discardedBytes()).isPositive();
    // the cut-off bytes are kept beside the journal, not only thrown away
    long good = o.replay().goodBytes();
    assertThat(o.savedTail()).isEqualTo(dir.resolve("j.bin.tail-" + good));
    assertThat(Files.readAllBytes(o.savedTail()))
        .isEqualTo(java.util.Arrays.copyOfRange(damaged, (int) good, damaged.length));
    // appending after recovery continues from the good prefix
    o.journal().append(new JournalRecord.AllocationClosed(8, "x"));
    o.journal().close();
    Journal.Replay again = Journal.read(f);
    assertThat(again.corrupt()).isFalse();
    assertThat(again.records()).hasSize(sample().size());
  }

  @Test
  void aCorruptByteMidFileLosesOnlyItsRecordAndEveryRecordAfterItIsKept() throws Exception {
    Path f = dir.resolve("j.bin");
    Journal j = Journal.open(f, false).journal();
    long[] starts = new long[sample().size()];
    for (int i = 0; i < sample().size(); i++) {
      starts[i] = Files.size(f);
      j.append(sample().get(i));
      j.flush();
    }
    j.close();
    long size = Files.size(f);
    int hit = 3; // the second Admitted record
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.seek(starts[hit] + 12);
      int b = raf.read();
      raf.seek(starts[hit] + 12);
      raf.write(b ^ 0x01);
    }
    Journal.Opened o = Journal.open(f, false);
    List<JournalRecord> expected = new java.util.ArrayList<>(sample());
    expected.remove(hit);
    assertThat(o.replay().records()).isEqualTo(expected);
    assertThat(o.replay().damage()).containsExactly(new Journal.Damage(starts[hit],
        starts[hit + 1] - starts[hit], "CRC mismatch in record at byte " + starts[hit]));
    assertThat(o.replay().lostBytes()).isEqualTo(starts[hit + 1] - starts[hit]);
    assertThat(o.replay().idsLostAtMost()).isPositive();
    // nothing is cut off: the damage stays in place, the records after it are kept
    assertThat(o.savedTail()).isNull();
    assertThat(o.replay().goodBytes()).isEqualTo(size);
    o.journal().append(new JournalRecord.AllocationClosed(8, "x"));
    o.journal().close();
    Journal.Replay again = Journal.read(f);
    assertThat(again.records()).hasSize(expected.size() + 1);
    assertThat(again.damage()).hasSize(1);
  }

  @Test
  void aDamagedLengthFieldIsSkippedToTheNextIntactRecord() throws Exception {
    Path f = dir.resolve("j.bin");
    Journal j = Journal.open(f, false).journal();
    sample().forEach(j::append);
    j.close();
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.seek(0); // the first record's length now claims far more than the file holds
      raf.write(0x7f);
    }
    Journal.Replay r = Journal.read(f);
    assertThat(r.records()).isEqualTo(sample().subList(1, sample().size()));
    assertThat(r.damage()).hasSize(1);
    assertThat(r.damage().get(0).offset()).isZero();
    assertThat(r.damage().get(0).cause()).startsWith("implausible record length");
  }

  @Test
  void rotationKeepsTheOldFileAndContinuesFromTheSnapshot() throws Exception {
    Path f = dir.resolve("j.bin");
    Journal j = Journal.open(f, true).journal();
    sample().forEach(j::append);
    j.append(new JournalRecord.Moved(9, RequestState.QUEUED, null, 5)); // still buffered
    List<JournalRecord> snapshot = List.of(new JournalRecord.Origin(5678),
        new JournalRecord.Admitted(req(3), RequestState.QUEUED, null));
    Path kept = j.rotate(snapshot);
    j.append(new JournalRecord.AllocationClosed(8, "after"));
    j.close();

    assertThat(kept).isEqualTo(dir.resolve("j.bin.archive-1"));
    List<JournalRecord> before = new java.util.ArrayList<>(sample());
    before.add(new JournalRecord.Moved(9, RequestState.QUEUED, null, 5));
    assertThat(Journal.read(kept).records()).as("the buffered record went to the old file")
        .isEqualTo(before);
    assertThat(Journal.read(f).records()).containsExactly(snapshot.get(0), snapshot.get(1),
        new JournalRecord.AllocationClosed(8, "after"));
    assertThat(dir.resolve("j.bin.next")).doesNotExist();

    Journal again = Journal.open(f, false).journal();
    assertThat(again.rotate(snapshot)).isEqualTo(dir.resolve("j.bin.archive-2"));
    again.close();
  }

  @Test
  void openFinishesARotationACrashInterrupted() throws Exception {
    Path f = dir.resolve("j.bin");
    Path next = dir.resolve("j.bin.next");
    // crashed before the renames: the new file may be partial, the old one is whole
    Journal j = Journal.open(f, false).journal();
    sample().forEach(j::append);
    j.close();
    Files.write(next, new byte[] {0, 0, 0, 9, 1, 2});
    Journal.Opened o = Journal.open(f, false);
    o.journal().close();
    assertThat(o.replay().records()).isEqualTo(sample());
    assertThat(next).doesNotExist();

    // crashed between them: the old file is archived, the complete new one waits beside
    Files.move(f, next);
    o = Journal.open(f, false);
    o.journal().close();
    assertThat(o.replay().records()).isEqualTo(sample());
    assertThat(next).doesNotExist();
  }

  @Test
  void aCleanJournalSavesNoTail() {
    Path f = dir.resolve("j.bin");
    Journal j = Journal.open(f, false).journal();
    sample().forEach(j::append);
    j.close();
    Journal.Opened o = Journal.open(f, false);
    o.journal().close();
    assertThat(o.savedTail()).isNull();
    assertThat(dir.toFile().list()).containsExactly("j.bin");
  }

  @Test
  void aTornLastRecordIsDetected() throws Exception {
    Path f = dir.resolve("j.bin");
    Journal j = Journal.open(f, false).journal();
    sample().forEach(j::append);
    j.close();
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(raf.length() - 5);
    }
    Journal.Replay r = Journal.read(f);
    assertThat(r.corruption()).startsWith("truncated record");
    assertThat(r.records()).hasSize(sample().size() - 1);
  }
}
