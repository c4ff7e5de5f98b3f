package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.string.LineEncoder;
import io.netty.handler.codec.string.LineSeparator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Reply encoding to one UTF-8 JSON line, and the audit entry each reply leaves. */
class AuditAndEncodingTest {

  @Test
  void aReplyIsOneJsonLineWithOkFirst() {
    EmbeddedChannel ch = new EmbeddedChannel(new LineEncoder(LineSeparator.UNIX, StandardCharsets.UTF_8),
        new ReplyEncoder());
    ch.writeOutbound(Reply.error("node", "node x", "unknown_id", "node: unknown node 'x\n\u00e9'"));
    ByteBuf out = ch.readOutbound();
    String text = out.toString(StandardCharsets.UTF_8);
    out.release();
    assertThat(text).isEqualTo("{\"ok\":false,\"error\":\"node: unknown node 'x\\n\u00e9'\",\"code\":\"unknown_id\"}\n");
    ch.finishAndReleaseAll();
  }

  @Test
  void everyReplyIsAuditedWithPeerCommandAndOutcome() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    log.addAppender(seen);
    Level level = log.getLevel();
    log.setLevel(Level.INFO);
    try (AuditLog audit = new AuditLog(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
        Optional.empty())) {
      EmbeddedChannel ch = new EmbeddedChannel(new AuditHandler(audit));
      ch.writeOutbound(Reply.ok("status", "status", AdminJson.MAPPER.createObjectNode()));
      ch.writeOutbound(Reply.error("auth", "auth ****", "bad_token", "auth: wrong token"));
      assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
          "2026-01-02T03:04:05Z embedded ok: status",
          "2026-01-02T03:04:05Z embedded refused: auth **** -> auth: wrong token");
      assertThat(ch.outboundMessages()).hasSize(2);
      ch.finishAndReleaseAll();
    } finally {
      log.setLevel(level);
      log.detachAppender(seen);
    }
  }

  @Test
  void controlBytesFromAnUnauthenticatedPeerAreEscapedInTheLogAndTheFile(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    log.addAppender(seen);
    Level level = log.getLevel();
    log.setLevel(Level.INFO);
    java.nio.file.Path file = dir.resolve("audit.jsonl");
    // clear the screen, fake a line, an 8-bit CSI, a bidi override, a backslash
    String hostile = "status\u001b[2J\u001b[1A\rok: estop\u009b31m\u202Eevil\\x1b";
    try (AuditLog audit = new AuditLog(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
        Optional.of(file))) {
      EmbeddedChannel ch = new EmbeddedChannel(new AuditHandler(audit));
      ch.writeOutbound(Reply.error("status", Words.forAudit(hostile), "unauthenticated",
          "status\u001b[2J: not authenticated"));
      ch.finishAndReleaseAll();
    } finally {
      log.setLevel(level);
      log.detachAppender(seen);
    }
    String logged = seen.list.get(0).getFormattedMessage();
    assertThat(logged).isEqualTo("2026-01-02T03:04:05Z embedded refused: "
        + "status\\x1b[2J\\x1b[1A\\x0dok: estop\\x9b31m\\u202eevil\\\\x1b"
        + " -> status\\x1b[2J: not authenticated");
    String json = java.nio.file.Files.readString(file);
    assertThat(json).contains("\"command\":\"status\\\\x1b[2J");
    assertThat(logged + json).doesNotContain("\u001b", "\u009b", "\u202e", "\r");
  }

  @Test
  void theAuditLineMasksTheTokenAndCutsLongLines() {
    assertThat(Words.forAudit("  AUTH  abc ")).isEqualTo("auth ****");
    assertThat(Words.forAudit("x".repeat(300))).hasSize(203).endsWith("...");
  }
}
