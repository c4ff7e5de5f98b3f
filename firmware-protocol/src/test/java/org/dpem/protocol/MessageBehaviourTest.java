package org.dpem.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.DeviceKindCode;
import org.dpem.protocol.message.DeviceStateCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.Opcode;
import org.dpem.protocol.message.Operation;
import org.junit.jupiter.api.Test;

class MessageBehaviourTest {

  @Test
  void timeSyncOffsetAndRoundTrip() {
    // Device clock 5 s ahead of the host; 100 us each way; 50 us processing at the device.
    long t1 = 1_000_000;
    long t2 = t1 + 100 + 5_000_000;
    long t3 = t2 + 50;
    long t4 = t1 + 100 + 50 + 100;
    Message.TimeSync reply = new Message.TimeSync(true, t1, t2, t3);
    assertThat(reply.offsetMicros(t4)).isEqualTo(5_000_000);
    assertThat(reply.roundTripMicros(t4)).isEqualTo(200);
    assertThat(Message.TimeSync.request(7)).isEqualTo(new Message.TimeSync(false, 7, 0, 0));
  }

  @Test
  void protocolErrorReplyCarriesTheDroppedHeaderAndFitsStr8() {
    PacketCodec codec = new PacketCodec();
    byte[] p = codec.encode(0, 3, 77, new Message.Cancel(1));
    p[p.length - 1] ^= 1;
    DecodeResult.Rejected r = (DecodeResult.Rejected) codec.decode(p);
    Message.ProtocolError e = r.toProtocolError();
    assertThat(e.reason()).isEqualTo(RejectReason.BAD_CRC);
    assertThat(e.refMsgId()).isEqualTo(0x12);
    assertThat(e.refSeq()).isEqualTo(77);
    assertThat(codec.decode(codec.encode(3, 0, 1, e)).ok()).isTrue();

    String longDetail = "\u00e9".repeat(200); // 400 UTF-8 bytes
    Message.ProtocolError cut =
        new DecodeResult.Rejected(RejectReason.BAD_PAYLOAD, longDetail, null).toProtocolError();
    assertThat(cut.detail()).hasSize(127);
    assertThat(cut.refSeq()).isZero();
  }

  @Test
  void enumsHaveStableDistinctCodes() {
    assertThat(AckCode.fromCode(1)).isEqualTo(AckCode.OUT_OF_LIMITS);
    assertThat(AckCode.fromCode(2)).isEqualTo(AckCode.EXPIRED);
    assertThat(AckCode.fromCode(99)).isNull();
    assertThat(DeviceStateCode.fromCode(4)).isEqualTo(DeviceStateCode.SAFE);
    assertThat(DeviceKindCode.fromCode(2)).isEqualTo(DeviceKindCode.MEMORY);
    assertThat(Opcode.fromCode(0x09)).isEqualTo(Opcode.GO_SAFE);
    assertThat(Opcode.GO_SAFE.towardsRest()).isTrue();
    assertThat(Opcode.ENABLE_SOURCE.towardsRest()).isFalse();
    assertThat(RejectReason.fromCode(13)).isEqualTo(RejectReason.REPLAY);
    for (RejectReason r : RejectReason.values()) {
      assertThat(RejectReason.fromCode(r.code())).isSameAs(r);
    }
  }

  @Test
  void setParamNeedsIndexOrName() {
    assertThatThrownBy(() -> new Operation.SetParam(Operation.SetParam.BY_NAME, "", 1))
        .hasMessageContaining("index or a name");
    assertThat(Operation.SetParam.byName("rate", 2).index()).isEqualTo(255);
    assertThatThrownBy(() -> new Message.ParamDescriptor(255, "x", "", 0, 1, 0, 1))
        .hasMessageContaining("reserved");
  }

  @Test
  void handlerExceptionsPropagateAndTheDecoderStaysUsable() {
    PacketCodec codec = new PacketCodec();
    int[] calls = {0};
    FrameDecoder d = new FrameDecoder(codec, p -> {
      if (calls[0]++ == 0) {
        throw new IllegalStateException("listener bug");
      }
    });
    byte[] f = FrameEncoder.frame(codec.encode(0, 1, 1, new Message.Cancel(1)));
    assertThatThrownBy(() -> d.feed(f)).hasMessage("listener bug");
    d.feed(f);
    assertThat(calls[0]).isEqualTo(2);
    assertThat(d.counters().accepted()).isEqualTo(2);
  }

  @Test
  void headerRefusesOutOfRangeFields() {
    assertThatThrownBy(() -> new Header(1, 0, 0, 256, 0, 1, 0, 0)).hasMessageContaining("src");
    assertThatThrownBy(() -> new Header(1, 0, 0, 0, 0, 1, -1, 0)).hasMessageContaining("seq");
    assertThatThrownBy(() -> new PacketCodec().encode(0, 300, 1, new Message.Cancel(1)))
        .hasMessageContaining("dst");
  }
}
