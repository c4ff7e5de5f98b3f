package org.dpem.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.signing.SignatureVerifier;
import org.dpem.protocol.signing.Signer;

class CodecPropertiesTest {
  private final PacketCodec codec = new PacketCodec();

  @Provide
  Arbitrary<Message> messages() {
    return MessageArbitraries.message();
  }

  @Property(tries = 2000)
  void everyValidMessageRoundTripsByteForByte(@ForAll("messages") Message m,
      @ForAll @IntRange(max = 255) int src, @ForAll @IntRange(max = 255) int dst,
      @ForAll @IntRange(max = Integer.MAX_VALUE) int seq) {
    if (org.dpem.protocol.message.MessageCodec.payloadSize(m) > PacketCodec.MAX_PAYLOAD) {
      return; // refused at encode, covered by a unit test
    }
    byte[] p = codec.encode(src, dst, seq, m);
    DecodeResult r = codec.decode(p);
    assertThat(r.ok()).as("%s -> %s", m, r).isTrue();
    Packet packet = ((DecodeResult.Accepted) r).packet();
    assertThat(packet.message()).isEqualTo(m);
    assertThat(codec.encode(src, dst, seq, packet.message())).isEqualTo(p);
    // And through serial framing.
    List<Message> got = new ArrayList<>();
    new FrameDecoder(codec, pk -> got.add(pk.message())).feed(FrameEncoder.frame(p));
    assertThat(got).containsExactly(m);
  }

  @Property(tries = 300)
  void signedMessagesRoundTrip(@ForAll("messages") Message m) {
    if (org.dpem.protocol.message.MessageCodec.payloadSize(m) > PacketCodec.MAX_PAYLOAD) {
      return;
    }
    PacketCodec tx = new PacketCodec(new Signer(3, SigningTest.KEY, 77), null, false);
    PacketCodec rx = new PacketCodec(null, new SignatureVerifier().addKey(3, SigningTest.KEY), true);
    DecodeResult r = rx.decode(tx.encode(9, 0, 1, m));
    assertThat(r.ok()).isTrue();
    assertThat(((DecodeResult.Accepted) r).packet().message()).isEqualTo(m);
  }

  @Property(tries = 2000)
  void cobsRoundTripsAndIsCanonical(@ForAll @Size(max = 1200) byte[] data,
      @ForAll @Size(max = 600) byte[] noise) {
    byte[] enc = Cobs.encode(data);
    assertThat(enc).doesNotContain((byte) 0);
    assertThat(enc.length).isLessThanOrEqualTo(Cobs.maxEncodedLength(data.length));
    assertThat(Cobs.decode(enc)).isEqualTo(data);
    byte[] out = new byte[noise.length];
    int n = Cobs.decode(noise, 0, noise.length, out, 0);
    if (n >= 0) {
      assertThat(Cobs.encode(java.util.Arrays.copyOf(out, n))).isEqualTo(noise);
    }
    // Random noise seldom ends in a full block; force the one ambiguous shape COBS has (an empty
    // block after a final 0xFF block) and check it is refused.
    byte[] full = java.util.Arrays.copyOf(data, Math.max(254, data.length - data.length % 254));
    for (int i = 0; i < full.length; i++) {
      full[i] = full[i] == 0 ? 1 : full[i];
    }
    byte[] encFull = Cobs.encode(full);
    byte[] padded = java.util.Arrays.copyOf(encFull, encFull.length + 1);
    padded[encFull.length] = 1;
    assertThat(Cobs.decode(padded, 0, padded.length, new byte[padded.length], 0)).isEqualTo(-1);
  }

  @Provide
  Arbitrary<List<Integer>> chunkings() {
    return Arbitraries.integers().between(1, 64).list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 1000)
  void randomBytesNeverThrowNorHang(@ForAll @Size(max = 4000) byte[] noise,
      @ForAll("chunkings") List<Integer> chunks) {
    Recorder rec = new Recorder();
    FrameDecoder d = new FrameDecoder(codec, 256, rec);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> feedChunked(d, noise, chunks));
    rec.assertAllValid(codec);
    DecodeCounters c = d.counters();
    assertThat(c.frames()).isEqualTo(c.accepted() + c.rejected());
    assertThat(c.bytes()).isEqualTo(noise.length);
  }

  @Provide
  Arbitrary<List<Message>> smallMessages() {
    return MessageArbitraries.message()
        .filter(m -> org.dpem.protocol.message.MessageCodec.payloadSize(m) <= 200)
        .list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 1000)
  void mutatedFramesNeverThrowAndDecodedMessagesAreValid(
      @ForAll("smallMessages") List<Message> msgs,
      @ForAll @Size(min = 1, max = 20) List<@IntRange(max = 100_000) Integer> mutationPositions,
      @ForAll @Size(min = 20, max = 20) List<@IntRange(max = 3) Integer> mutationKinds,
      @ForAll @Size(min = 20, max = 20) byte[] mutationBytes,
      @ForAll("chunkings") List<Integer> chunks) {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int i = 0; i < msgs.size(); i++) {
      wire.writeBytes(FrameEncoder.frame(codec.encode(0, 1, i, msgs.get(i))));
    }
    List<Byte> bytes = new ArrayList<>();
    for (byte b : wire.toByteArray()) {
      bytes.add(b);
    }
    for (int i = 0; i < mutationPositions.size(); i++) {
      int at = mutationPositions.get(i) % (bytes.size() + 1);
      byte v = mutationBytes[i];
      switch (mutationKinds.get(i)) {
        case 0 -> { if (at < bytes.size()) bytes.set(at, (byte) (bytes.get(at) ^ (v | 1))); }
        case 1 -> bytes.add(at, v);
        case 2 -> { if (at < bytes.size()) bytes.remove(at); }
        default -> { if (at < bytes.size()) bytes.set(at, (byte) 0); }
      }
    }
    byte[] mutated = new byte[bytes.size()];
    for (int i = 0; i < mutated.length; i++) {
      mutated[i] = bytes.get(i);
    }
    Recorder rec = new Recorder();
    FrameDecoder d = new FrameDecoder(codec, rec);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> feedChunked(d, mutated, chunks));
    rec.assertAllValid(codec);
    // Whatever survived must be one of the messages sent: a CRC-32C collision would show here.
    assertThat(msgs).containsAll(rec.messages);
  }

  @Property(tries = 500)
  void resyncsAfterGarbage(@ForAll @Size(max = 300) byte[] garbage,
      @ForAll("smallMessages") List<Message> msgs, @ForAll("chunkings") List<Integer> chunks) {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.writeBytes(garbage);
    for (int i = 0; i < msgs.size(); i++) {
      wire.writeBytes(FrameEncoder.frame(codec.encode(0, 1, i, msgs.get(i))));
    }
    Recorder rec = new Recorder();
    FrameDecoder d = new FrameDecoder(codec, rec);
    feedChunked(d, wire.toByteArray(), chunks);
    // At most the first frame is lost (when the garbage does not end in a delimiter it joins it).
    List<Message> tail = msgs.subList(1, msgs.size());
    assertThat(rec.messages.size()).isGreaterThanOrEqualTo(msgs.size() - 1);
    assertThat(rec.messages.subList(rec.messages.size() - tail.size(), rec.messages.size()))
        .isEqualTo(tail);
  }

  static void feedChunked(FrameDecoder d, byte[] data, List<Integer> chunks) {
    int i = 0;
    int k = 0;
    while (i < data.length) {
      int n = Math.min(chunks.get(k++ % chunks.size()), data.length - i);
      d.feed(data, i, n);
      i += n;
    }
  }

  /** Records decoded packets for validity checks. */
  static final class Recorder implements PacketHandler {
    final List<Packet> packets = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();

    @Override
    public void onPacket(Packet packet) {
      packets.add(packet);
      messages.add(packet.message());
    }

    /** Each decoded message re-encodes to a packet with the same header (so the same size). */
    void assertAllValid(PacketCodec codec) {
      for (Packet p : packets) {
        Header h = p.header();
        byte[] again = codec.encode(h.src(), h.dst(), h.seq(), h.compatFlags(), p.message());
        assertThat(Header.read(again, 0)).isEqualTo(h);
        assertThat(codec.decode(again).ok()).isTrue();
      }
    }
  }
}
