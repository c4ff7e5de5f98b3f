package org.dpem.sim.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Request traces as CSV, one request a line after a header:
 *
 * <pre>
 * timestamp_s,src,dst,min_fidelity,pairs,deadline_s
 * 0.125,n3,n17,0.85,2,10
 * </pre>
 *
 * {@code timestamp_s} is the arrival time in seconds from the start of the run (non-decreasing
 * down the file), {@code src}/{@code dst} node ids, {@code min_fidelity} in (0.25, 1],
 * {@code pairs} a positive integer, {@code deadline_s} the time allowed after arrival in seconds
 * (> 0). Blank lines and lines starting with {@code #} are skipped. Errors name file:line and
 * the field.
 */
public final class TraceFile {
  public static final String HEADER = "timestamp_s,src,dst,min_fidelity,pairs,deadline_s";

  private TraceFile() {}

  /** Reads a trace file. */
  public static List<Request> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    }
  }

  /**
   * Parses a trace; {@code name} is used in errors.
   *
   * @throws IllegalArgumentException "name:line: what is wrong"
   */
  public static List<Request> parse(Reader in, String name) {
    List<Request> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(in);
    int lineNo = 0;
    boolean header = false;
    long last = 0;
    try {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        if (!header) {
          if (!t.replace(" ", "").equals(HEADER)) {
            throw error(name, lineNo, "expected the header '" + HEADER + "', got '" + t + "'");
          }
          header = true;
          continue;
        }
        String[] f = t.split(",", -1);
        if (f.length != 6) {
          throw error(name, lineNo, "expected 6 fields (" + HEADER + "), got " + f.length);
        }
        double ts = number(f[0], "timestamp_s", name, lineNo);
        if (ts < 0) {
          throw error(name, lineNo, "timestamp_s must be >= 0, got " + f[0].strip());
        }
        long at = Math.round(ts * 1e9);
        if (at < last) {
          throw error(name, lineNo, "timestamp_s " + f[0].strip() + " goes back in time");
        }
        last = at;
        double fid = number(f[3], "min_fidelity", name, lineNo);
        int pairs;
        try {
          pairs = Integer.parseInt(f[4].strip());
        } catch (NumberFormatException e) {
          throw error(name, lineNo, "pairs: '" + f[4].strip() + "' is not an integer");
        }
        double dl = number(f[5], "deadline_s", name, lineNo);
        if (!(dl > 0)) {
          throw error(name, lineNo, "deadline_s must be > 0 (time allowed after arrival), got " + f[5].strip());
        }
        try {
          out.add(new Request(at, f[1].strip(), f[2].strip(), fid, pairs, at + Math.max(1, Math.round(dl * 1e9))));
        } catch (IllegalArgumentException e) {
          throw error(name, lineNo, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ":" + lineNo + ": " + e.getMessage(), e);
    }
    if (!header) {
      throw error(name, Math.max(1, lineNo), "empty trace: the header '" + HEADER + "' is missing");
    }
    return out;
  }

  /** Writes {@code requests} as a trace (header first). */
  public static void write(List<Request> requests, Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    for (Request q : requests) {
      out.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%s%n", seconds(q.arrivalNanos()), q.src(),
          q.dst(), Double.toString(q.minFidelity()), q.pairs(),
          seconds(q.deadlineNanos() - q.arrivalNanos())));
    }
    out.flush();
  }

  /** Writes a trace file. */
  public static void write(List<Request> requests, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(requests, w);
    }
  }

  /** Exact decimal seconds of a nanosecond count, so a written trace reads back identically. */
  private static String seconds(long nanos) {
    return java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
  }

  private static double number(String s, String field, String name, int line) {
    try {
      double v = Double.parseDouble(s.strip());
      if (!Double.isFinite(v)) {
        throw error(name, line, field + ": '" + s.strip() + "' is not a finite number");
      }
      return v;
    } catch (NumberFormatException e) {
      throw error(name, line, field + ": '" + s.strip() + "' is not a number");
    }
  }

  private static IllegalArgumentException error(String name, int line, String what) {
    return new IllegalArgumentException(name + ":" + line + ": " + what);
  }
}
