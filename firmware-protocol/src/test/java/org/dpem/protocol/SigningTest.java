package org.dpem.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dpem.protocol.message.Message;
import org.dpem.protocol.signing.SignatureBlock;
import org.dpem.protocol.signing.SignatureVerifier;
import org.dpem.protocol.signing.Signer;
import org.junit.jupiter.api.Test;

class SigningTest {
  static final byte[] KEY = new byte[32];
  static final byte[] OTHER_KEY = new byte[32];

  static {
    for (int i = 0; i < 32; i++) {
      KEY[i] = (byte) i;
      OTHER_KEY[i] = (byte) (0xA0 + i);
    }
  }

  private PacketCodec sender(long firstCounter) {
    return new PacketCodec(new Signer(1, KEY, firstCounter), null, false);
  }

  private PacketCodec receiver() {
    return new PacketCodec(null, new SignatureVerifier().addKey(1, KEY), true);
  }

  @Test
  void signedPacketVerifiesAndCarriesKeyAndCounter() {
    byte[] p = sender(1000).encode(5, 0, 1, new Message.Cancel(3));
    assertThat(p).hasSize(Header.SIZE + 4 + SignatureBlock.SIZE + 4);
    assertThat(p[1]).isEqualTo((byte) Flags.INCOMPAT_SIGNED);
    DecodeResult r = receiver().decode(p);
    assertThat(r.ok()).isTrue();
    Packet packet = ((DecodeResult.Accepted) r).packet();
    assertThat(packet.signature()).isEqualTo(new Packet.Signature(1, 1000));
    assertThat(packet.message()).isEqualTo(new Message.Cancel(3));
  }

  @Test
  void replayIsRejectedPerSenderAndKey() {
    PacketCodec tx = sender(1000);
    PacketCodec rx = receiver();
    byte[] first = tx.encode(5, 0, 1, new Message.Cancel(3));
    byte[] second = tx.encode(5, 0, 2, new Message.Cancel(4));
    assertThat(rx.decode(second).ok()).isTrue();
    assertThat(PacketCodecTest.reason(rx.decode(first))).isEqualTo(RejectReason.REPLAY);
    assertThat(PacketCodecTest.reason(rx.decode(second))).isEqualTo(RejectReason.REPLAY);
    // Another sender address has its own counter history.
    byte[] fromOther = sender(10).encode(6, 0, 1, new Message.Cancel(3));
    assertThat(rx.decode(fromOther).ok()).isTrue();
  }

  @Test
  void tamperingWrongKeyUnknownKeyAndUnsignedAreRejected() {
    byte[] p = sender(1000).encode(5, 0, 1, new Message.Cancel(3));
    byte[] tampered = p.clone();
    tampered[Header.SIZE] ^= 1; // payload edit, CRC re-sealed: only the MAC catches it
    PacketCodecTest.reseal(tampered, org.dpem.protocol.message.MessageType.CANCEL);
    assertThat(PacketCodecTest.reason(receiver().decode(tampered)))
        .isEqualTo(RejectReason.BAD_SIGNATURE);

    PacketCodec wrongKey = new PacketCodec(null, new SignatureVerifier().addKey(1, OTHER_KEY), true);
    assertThat(PacketCodecTest.reason(wrongKey.decode(p))).isEqualTo(RejectReason.BAD_SIGNATURE);
    PacketCodec otherId = new PacketCodec(null, new SignatureVerifier().addKey(2, KEY), true);
    assertThat(PacketCodecTest.reason(otherId.decode(p))).isEqualTo(RejectReason.UNKNOWN_KEY);
    assertThat(PacketCodecTest.reason(new PacketCodec().decode(p)))
        .isEqualTo(RejectReason.UNKNOWN_KEY);

    byte[] plain = new PacketCodec().encode(5, 0, 1, new Message.Cancel(3));
    assertThat(PacketCodecTest.reason(receiver().decode(plain))).isEqualTo(RejectReason.UNSIGNED);
    PacketCodec lenient = new PacketCodec(null, new SignatureVerifier().addKey(1, KEY), false);
    assertThat(lenient.decode(plain).ok()).isTrue();
  }

  @Test
  void badSignatureDoesNotAdvanceTheCounter() {
    SignatureVerifier v = new SignatureVerifier().addKey(1, KEY);
    PacketCodec rx = new PacketCodec(null, v, true);
    byte[] p = sender(1000).encode(5, 0, 1, new Message.Cancel(3));
    byte[] forged = p.clone();
    forged[Header.SIZE + 4 + SignatureBlock.COUNTER_OFFSET] = (byte) 0xFF; // counter raised
    PacketCodecTest.reseal(forged, org.dpem.protocol.message.MessageType.CANCEL);
    assertThat(PacketCodecTest.reason(rx.decode(forged))).isEqualTo(RejectReason.BAD_SIGNATURE);
    assertThat(v.lastCounter(1, 5)).isEqualTo(-1);
    assertThat(rx.decode(p).ok()).isTrue();
    assertThat(v.lastCounter(1, 5)).isEqualTo(1000);
  }

  @Test
  void floorRefusesOldCountersWithoutHistory() {
    SignatureVerifier v = new SignatureVerifier().addKey(1, KEY).setFloor(5000);
    PacketCodec rx = new PacketCodec(null, v, true);
    assertThat(PacketCodecTest.reason(rx.decode(sender(4999).encode(5, 0, 1, new Message.Cancel(1)))))
        .isEqualTo(RejectReason.REPLAY);
    assertThat(rx.decode(sender(5000).encode(5, 0, 1, new Message.Cancel(1))).ok()).isTrue();
  }

  @Test
  void shortKeysAreRefused() {
    assertThatThrownBy(() -> new Signer(1, new byte[8], 0)).hasMessageContaining("16 bytes");
    assertThatThrownBy(() -> new Signer(256, KEY, 0)).hasMessageContaining("key id");
  }
}
