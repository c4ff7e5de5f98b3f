package org.dpem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.dpem.protocol.message.Message;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
  private final PacketCodec codec = new PacketCodec();
  private final FrameEncoder encoder = new FrameEncoder(codec);
  private final List<Message> got = new ArrayList<>();
  private final List<DecodeResult.Rejected> rejects = new ArrayList<>();
  private final PacketHandler handler = new PacketHandler() {
    @Override
    public void onPacket(Packet packet) {
      got.add(packet.message());
    }

    @Override
    public void onReject(DecodeResult.Rejected r) {
      rejects.add(r);
    }
  };

  @Test
  void decodesEveryMessageFedOneByteAtATime() {
    FrameDecoder d = new FrameDecoder(codec, handler);
    List<Message> all = SampleMessages.all();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int i = 0; i < all.size(); i++) {
      wire.writeBytes(encoder.encode(0, 1, i, all.get(i)));
    }
    for (byte b : wire.toByteArray()) {
      d.feed(new byte[] {b});
    }
    assertThat(got).isEqualTo(all);
    assertThat(d.counters().accepted()).isEqualTo(all.size());
    assertThat(d.counters().rejected()).isZero();
    assertThat(d.counters().bytes()).isEqualTo(wire.size());
  }

  @Test
  void resyncsAfterLeadingGarbageAndCountsIt() {
    FrameDecoder d = new FrameDecoder(codec, handler);
    d.feed(new byte[] {0x37, 0x12, (byte) 0x99, 0x05});
    d.feed(encoder.encode(0, 1, 1, new Message.Cancel(1)));
    // The garbage joined the first frame, so that frame fails and is counted; the next one
    // decodes: only one frame is lost.
    assertThat(got).isEmpty();
    assertThat(d.counters().rejected()).isEqualTo(1);
    assertThat(rejects).hasSize(1);
    d.feed(encoder.encode(0, 1, 2, new Message.Cancel(2)));
    assertThat(got).containsExactly(new Message.Cancel(2));
  }

  @Test
  void garbageBetweenFramesLosesOnlyTheFrameItHits() {
    FrameDecoder d = new FrameDecoder(codec, handler);
    byte[] f1 = encoder.encode(0, 1, 1, new Message.Cancel(1));
    byte[] p2 = codec.encode(0, 1, 2, new Message.Cancel(2));
    byte[] f3 = encoder.encode(0, 1, 3, new Message.Cancel(3));
    p2[Header.SIZE] ^= 0x40; // a bit error in the payload
    byte[] hit = FrameEncoder.frame(p2);
    d.feed(f1);
    d.feed(hit);
    d.feed(f3);
    assertThat(got).containsExactly(new Message.Cancel(1), new Message.Cancel(3));
    assertThat(d.counters().count(RejectReason.BAD_CRC)).isEqualTo(1);
  }

  @Test
  void oversizeFrameIsDroppedUpToItsDelimiterAndCounted() {
    FrameDecoder d = new FrameDecoder(codec, 64, handler);
    byte[] big = new byte[500];
    java.util.Arrays.fill(big, (byte) 0x41);
    d.feed(big);
    d.feed(new byte[] {0});
    d.feed(encoder.encode(0, 1, 1, new Message.Cancel(9)));
    assertThat(d.counters().count(RejectReason.FRAME_TOO_LONG)).isEqualTo(1);
    assertThat(got).containsExactly(new Message.Cancel(9));
  }

  @Test
  void emptyFramesAreIdleNotErrors() {
    FrameDecoder d = new FrameDecoder(codec, handler);
    d.feed(new byte[] {0, 0, 0});
    assertThat(d.counters().emptyFrames()).isEqualTo(3);
    assertThat(d.counters().rejected()).isZero();
    assertThat(d.counters().snapshot()).containsEntry("empty_frames", 3L).containsKey("bad_crc");
  }

  @Test
  void badCobsIsCounted() {
    FrameDecoder d = new FrameDecoder(codec, handler);
    d.feed(new byte[] {0x05, 0x11, 0x00});
    assertThat(d.counters().count(RejectReason.BAD_COBS)).isEqualTo(1);
    assertThat(rejects.get(0).header()).isNull();
  }

  @Test
  void resetDropsAPartialFrame() {
    FrameDecoder d = new FrameDecoder(codec, handler);
    byte[] f = encoder.encode(0, 1, 1, new Message.Cancel(1));
    d.feed(f, 0, 5);
    assertThat(d.pending()).isEqualTo(5);
    d.reset();
    d.feed(f);
    assertThat(got).containsExactly(new Message.Cancel(1));
  }
}
