package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Framing: fail-fast line decoder, the overlong-line marker, UTF-8 text. */
class FramingTest {
  EmbeddedChannel channel() {
    return new EmbeddedChannel(new LineBasedFrameDecoder(4096, true, true), new FramingErrorHandler(4096),
        new StringDecoder(StandardCharsets.UTF_8));
  }

  static ByteBuf bytes(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
  }

  @Test
  void linesBecomeUtf8StringsWithoutTheirDelimiter() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(bytes("status\r\nnode n\u00e9\nhalf"));
    assertThat((Object) ch.readInbound()).isEqualTo("status");
    assertThat((Object) ch.readInbound()).isEqualTo("node n\u00e9");
    assertThat((Object) ch.readInbound()).isNull();
    ch.writeInbound(bytes(" line\n"));
    assertThat((Object) ch.readInbound()).isEqualTo("half line");
    ch.finishAndReleaseAll();
  }

  @Test
  void anOverlongLineBecomesOneMarkerStopsReadingAndDropsWhatFollows() {
    EmbeddedChannel ch = channel();
    ByteBuf in = bytes("ok\n" + "x".repeat(4097));
    ch.writeInbound(in);
    assertThat((Object) ch.readInbound()).isEqualTo("ok");
    assertThat((Object) ch.readInbound()).isEqualTo(new OverlongLine(4096));
    assertThat(ch.config().isAutoRead()).isFalse();
    ByteBuf more = bytes("yyy\nstatus\n");
    ch.writeInbound(more);
    assertThat((Object) ch.readInbound()).isNull();
    assertThat(in.refCnt()).isZero();
    assertThat(more.refCnt()).isZero();
    assertThat(ch.isOpen()).as("closing is the reply's job").isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void aLineOfExactlyTheLimitPasses() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(bytes("a".repeat(4096) + "\n"));
    assertThat((String) ch.readInbound()).hasSize(4096);
    ch.finishAndReleaseAll();
  }

  @Test
  void invalidUtf8IsReplacedNotFatal() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'n', (byte) 0xff, (byte) 0xc3, '\n'}));
    assertThat((String) ch.readInbound()).startsWith("n").contains("\ufffd");
    ch.finishAndReleaseAll();
  }
}
