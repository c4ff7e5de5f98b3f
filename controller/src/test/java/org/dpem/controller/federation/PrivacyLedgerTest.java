package org.dpem.controller.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dpem.learning.privacy.RdpAccountant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyLedgerTest {
  @TempDir Path dir;

  @Test
  void aRestartContinuesThePrivacyCountExactly() throws IOException {
    PrivacyLedger ledger = new PrivacyLedger(dir.resolve("dpem.privacy"));
    assertThat(ledger.load().accountant().epsilon(1e-5).epsilon()).isZero();
    RdpAccountant before = new RdpAccountant().compose(0.3, 1.1, 40);
    ledger.save(before.orders(), before.rdp(), 1234);
    PrivacyLedger.Spent back = ledger.load();
    assertThat(back.lastRound()).isEqualTo(1234);
    assertThat(back.accountant().rdp()).containsExactly(before.rdp());
    assertThat(back.accountant().compose(0.3, 1.1, 1).epsilon(1e-5).epsilon())
        .isEqualTo(before.copy().compose(0.3, 1.1, 1).epsilon(1e-5).epsilon());
  }

  @Test
  void aDamagedLedgerIsRefusedWithItsLine() throws IOException {
    Path f = dir.resolve("bad.privacy");
    Files.writeString(f, "last_round 5\n1.1 0.5\n1.3 0.7\n");
    assertThatThrownBy(() -> new PrivacyLedger(f).load()).hasMessageContaining(f + ":3:");
  }
}
