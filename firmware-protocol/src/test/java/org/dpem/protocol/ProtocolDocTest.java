package org.dpem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.MessageType;
import org.dpem.protocol.message.Opcode;
import org.dpem.protocol.message.Schema;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md is what firmware authors implement: its tables must match the code. */
class ProtocolDocTest {
  private static String doc() throws IOException {
    return Files.readString(Path.of("PROTOCOL.md"), StandardCharsets.UTF_8);
  }

  @Test
  void schemaTextAndHashMatch() throws IOException {
    String doc = doc();
    int begin = doc.indexOf("<!-- schema-text:begin -->\n```\n");
    int end = doc.indexOf("```\n<!-- schema-text:end -->");
    assertThat(begin).isPositive();
    String block = doc.substring(begin + "<!-- schema-text:begin -->\n```\n".length(), end);
    assertThat(block).isEqualTo(Schema.text());
    assertThat(doc).contains(String.format("Schema hash of this version: `0x%08x`", Schema.hash()));
  }

  @Test
  void tablesMatchTheCode() throws IOException {
    String doc = doc();
    for (MessageType t : MessageType.values()) {
      assertThat(doc).contains(String.format("| 0x%02X | %s | 0x%02X |", t.id(), t, t.schemaByte()));
      assertThat(doc).contains(String.format("| 0x%02X | %s | ", t.id(), t));
    }
    for (AckCode c : AckCode.values()) {
      assertThat(doc).contains("| " + c.code() + " | " + c.name() + " |");
    }
    for (Opcode o : Opcode.values()) {
      assertThat(doc).contains(String.format("| 0x%02X | %s |", o.code(), o.name()));
    }
    for (RejectReason r : RejectReason.values()) {
      assertThat(doc).containsPattern("`" + r.name() + "`[^\\n]*\\| [0-9 /]*\\b" + r.code() + "\\b");
    }
    assertThat(doc).contains("## 14. MQTT topic layout");
    assertThat(doc).contains("at most **960**").contains("default **1024**");
    assertThat(PacketCodec.MAX_PAYLOAD).isEqualTo(960);
    assertThat(FrameDecoder.DEFAULT_MAX_FRAME).isEqualTo(1024);
    assertThat(PacketCodec.MAX_PACKET).isEqualTo(1001);
  }
}
