package org.dpem.controller.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Decision;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.StockOrder;
import org.dpem.controller.reserve.Claim;
import org.dpem.hal.NodeId;

/**
 * A policy wrapper that writes every epoch's decision vector to a gzip text file, one line per
 * epoch that decided anything: {@code epoch c id:path:rate:min ... s a-b:pairs ...} (a fallback
 * claim as {@code f id:...}). The decision passes through unchanged. Two runs that decide alike
 * write the same bytes (gzip's header time is zero in the JDK), which is what a replay compares.
 */
final class DecisionLog implements AllocationPolicy, AutoCloseable {
  private final AllocationPolicy policy;
  private final Writer out;

  DecisionLog(AllocationPolicy policy, Path file) {
    this.policy = policy;
    try {
      this.out = new BufferedWriter(new OutputStreamWriter(
          new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write decision log " + file, e);
    }
  }

  @Override
  public String name() {
    return policy.name();
  }

  @Override
  public Decision decide(EpochView view) {
    Decision d = policy.decide(view);
    if (d.claims().isEmpty() && d.stock().isEmpty()) {
      return d;
    }
    StringBuilder b = new StringBuilder().append(view.epoch());
    for (Claim c : d.claims()) {
      b.append(c.fallback() ? " f" : " c").append(c.requestId()).append(':');
      for (int i = 0; i < c.path().nodes().size(); i++) {
        NodeId n = c.path().nodes().get(i);
        b.append(i == 0 ? "" : ">").append(n.value());
      }
      b.append(':').append(fmt(c.rate())).append(':').append(fmt(c.minRate()));
    }
    for (StockOrder s : d.stock()) {
      b.append(" s").append(s.a().value()).append('-').append(s.b().value()).append(':').append(s.pairs());
    }
    try {
      out.write(b.append('\n').toString());
    } catch (IOException e) {
      throw new UncheckedIOException("decision log", e);
    }
    return d;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.9g", v);
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("decision log", e);
    }
  }
}
