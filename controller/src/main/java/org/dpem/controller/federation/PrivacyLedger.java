package org.dpem.controller.federation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dpem.learning.privacy.FractionalSeries;
import org.dpem.learning.privacy.RdpAccountant;

/**
 * The privacy an aggregator has spent, kept in a file across restarts: privacy loss adds up over
 * every round ever released, so a restarted aggregator must start from what its predecessors
 * spent, not from zero. Text, one {@code ORDER RDP} line per order, plus the last round id so
 * that round ids keep increasing; rewritten atomically after every round.
 */
public final class PrivacyLedger {
  private final Path file;

  public PrivacyLedger(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** What an earlier aggregator spent: its accountant and last round id. */
  public record Spent(RdpAccountant accountant, long lastRound) {}

  /**
   * Reads the ledger into a fresh default accountant; a missing file is nothing spent.
   *
   * @throws IOException naming {@code file:line} for a damaged or foreign ledger
   */
  public Spent load() throws IOException {
    RdpAccountant a = new RdpAccountant(RdpAccountant.defaultOrders(), FractionalSeries.ABSOLUTE);
    if (!Files.exists(file)) {
      return new Spent(a, 0);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    double[] orders = a.orders();
    double[] rdp = new double[orders.length];
    long last = 0;
    int k = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      try {
        if (f[0].equals("last_round") && f.length == 2) {
          last = Long.parseLong(f[1]);
        } else if (f.length == 2 && k < orders.length && Double.parseDouble(f[0]) == orders[k]) {
          rdp[k++] = Double.parseDouble(f[1]);
        } else {
          throw new IOException(file + ":" + (i + 1) + ": expected 'ORDER RDP' for order "
              + (k < orders.length ? orders[k] : "none (all orders read)") + " or 'last_round ID', got '" + line + "'");
        }
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + (i + 1) + ": not a number in '" + line + "'", e);
      }
    }
    if (k != orders.length) {
      throw new IOException(file + ": has " + k + " of the " + orders.length + " orders; not a privacy ledger of this version");
    }
    try {
      a.add(rdp);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    return new Spent(a, last);
  }

  /** Records what is spent after a round; atomic, so a crash leaves the old or the new ledger. */
  public void save(double[] orders, double[] rdp, long lastRound) throws IOException {
    List<String> out = new ArrayList<>();
    out.add("# dpem federation: Renyi DP spent per order (sampled Gaussian, summed over rounds); do not edit");
    out.add("last_round " + lastRound);
    for (int k = 0; k < orders.length; k++) {
      out.add(String.format(Locale.ROOT, "%s %s", orders[k], rdp[k]));
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, out, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
