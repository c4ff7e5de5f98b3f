package org.dpem.controller.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.dpem.controller.request.RejectReason;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestState;
import org.dpem.hal.NodeId;

/** Payload bytes of each record type (big-endian, {@link DataOutputStream} layout). */
final class RecordCodec {
  private static final byte ADMITTED = 1;
  private static final byte MOVED = 2;
  private static final byte PROGRESS = 3;
  private static final byte OPENED = 4;
  private static final byte CLOSED = 5;
  private static final byte ORIGIN = 6;
  private static final byte ID_FLOOR = 7;

  private RecordCodec() {}

  static byte[] encode(JournalRecord rec) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (rec instanceof JournalRecord.Admitted a) {
        out.writeByte(ADMITTED);
        Request r = a.request();
        out.writeLong(r.id());
        out.writeUTF(r.source().value());
        out.writeUTF(r.destination().value());
        out.writeDouble(r.minFidelity());
        out.writeInt(r.pairs());
        out.writeLong(r.arrivalNanos());
        out.writeLong(r.deadlineNanos());
        out.writeInt(r.priority());
        out.writeByte(a.state().ordinal());
        out.writeByte(a.reason() == null ? -1 : a.reason().ordinal());
      } else if (rec instanceof JournalRecord.Moved m) {
        out.writeByte(MOVED);
        out.writeLong(m.requestId());
        out.writeByte(m.state().ordinal());
        out.writeByte(m.reason() == null ? -1 : m.reason().ordinal());
        out.writeLong(m.atNanos());
      } else if (rec instanceof JournalRecord.Progress p) {
        out.writeByte(PROGRESS);
        out.writeLong(p.requestId());
        out.writeInt(p.delivered());
        out.writeDouble(p.fidelitySum());
      } else if (rec instanceof JournalRecord.AllocationOpened o) {
        out.writeByte(OPENED);
        out.writeLong(o.allocationId());
        out.writeLong(o.requestId());
        out.writeShort(o.path().size());
        for (String n : o.path()) {
          out.writeUTF(n);
        }
        out.writeDouble(o.rate());
      } else if (rec instanceof JournalRecord.AllocationClosed c) {
        out.writeByte(CLOSED);
        out.writeLong(c.allocationId());
        out.writeUTF(c.outcome());
      } else if (rec instanceof JournalRecord.Origin o) {
        out.writeByte(ORIGIN);
        out.writeLong(o.epochMillis());
      } else if (rec instanceof JournalRecord.IdFloor f) {
        out.writeByte(ID_FLOOR);
        out.writeLong(f.nextRequestId());
        out.writeLong(f.nextAllocationId());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes a payload whose CRC already matched; throws IOException if it is malformed. */
  static JournalRecord decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    byte type = in.readByte();
    JournalRecord rec = switch (type) {
      case ADMITTED -> {
        Request r = new Request(in.readLong(), NodeId.of(in.readUTF()), NodeId.of(in.readUTF()),
            in.readDouble(), in.readInt(), in.readLong(), in.readLong(), in.readInt());
        yield new JournalRecord.Admitted(r, state(in.readByte()), reason(in.readByte()));
      }
      case MOVED -> new JournalRecord.Moved(in.readLong(), state(in.readByte()),
          reason(in.readByte()), in.readLong());
      case PROGRESS -> new JournalRecord.Progress(in.readLong(), in.readInt(), in.readDouble());
      case OPENED -> {
        long id = in.readLong();
        long req = in.readLong();
        int n = in.readUnsignedShort();
        List<String> path = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          path.add(in.readUTF());
        }
        yield new JournalRecord.AllocationOpened(id, req, path, in.readDouble());
      }
      case CLOSED -> new JournalRecord.AllocationClosed(in.readLong(), in.readUTF());
      case ORIGIN -> new JournalRecord.Origin(in.readLong());
      case ID_FLOOR -> new JournalRecord.IdFloor(in.readLong(), in.readLong());
      default -> throw new IOException("unknown record type " + type);
    };
    if (in.available() != 0) {
      throw new IOException(in.available() + " trailing bytes in a record of type " + type);
    }
    return rec;
  }

  private static RequestState state(byte b) throws IOException {
    if (b < 0 || b >= RequestState.values().length) {
      throw new IOException("bad request state " + b);
    }
    return RequestState.values()[b];
  }

  private static RejectReason reason(byte b) throws IOException {
    if (b == -1) {
      return null;
    }
    if (b < 0 || b >= RejectReason.values().length) {
      throw new IOException("bad reject reason " + b);
    }
    return RejectReason.values()[b];
  }
}
