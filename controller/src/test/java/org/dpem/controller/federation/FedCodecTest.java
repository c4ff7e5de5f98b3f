package org.dpem.controller.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dpem.learning.federated.ClientUpdate;
import org.dpem.protocol.signing.SignatureVerifier;
import org.dpem.protocol.signing.Signer;
import org.junit.jupiter.api.Test;

class FedCodecTest {
  private static final byte[] KEY = Keys.key(7).key();

  @Test
  void roundAndUpdateSurviveTheTripAndTheirSignatureIsChecked() throws Exception {
    RoundAnnouncement r = new RoundAnnouncement(42, List.of("n1", "n2"), new float[] {1.5f, -2f, 3e-9f}, 10_000);
    byte[] m = FedCodec.encodeRound(r, new Signer(7, KEY, 100));
    SignatureVerifier v = new SignatureVerifier().addKey(7, KEY);
    FedCodec.verify(m, FedCodec.ROUND, v);
    RoundAnnouncement back = FedCodec.decodeRound(m);
    assertThat(back.round()).isEqualTo(42);
    assertThat(back.participants()).containsExactly("n1", "n2");
    assertThat(back.weights()).containsExactly(1.5f, -2f, 3e-9f);
    assertThat(back.timeoutMs()).isEqualTo(10_000);
    // the same bytes again are a replay
    assertThatThrownBy(() -> FedCodec.verify(m, FedCodec.ROUND, v)).hasMessage("REPLAY");

    byte[] u = FedCodec.encodeUpdate(new ClientUpdate("n1", 42, new float[] {0.25f}), new Signer(7, KEY, 200));
    FedCodec.verify(u, FedCodec.UPDATE, v);
    assertThat(FedCodec.decodeUpdate(u).delta()).containsExactly(0.25f);
    // a flipped bit in the weights: the MAC no longer matches
    byte[] forged = FedCodec.encodeUpdate(new ClientUpdate("n1", 42, new float[] {0.25f}), new Signer(7, KEY, 300));
    forged[forged.length - 30] ^= 1;
    assertThatThrownBy(() -> FedCodec.verify(forged, FedCodec.UPDATE, v)).hasMessage("BAD_SIGNATURE");
    byte[] unknown = FedCodec.encodeUpdate(new ClientUpdate("n1", 42, new float[] {0.25f}), new Signer(9, KEY, 400));
    assertThatThrownBy(() -> FedCodec.verify(unknown, FedCodec.UPDATE, v)).hasMessage("UNKNOWN_KEY");
    assertThatThrownBy(() -> FedCodec.verify(u, FedCodec.ROUND, v)).hasMessageContaining("kind");
  }
}
