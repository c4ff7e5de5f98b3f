package org.dpem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dpem.protocol.message.MessageType;
import org.dpem.protocol.signing.SignatureVerifier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the checked-in golden vectors against this implementation and an independent one. */
class GoldenVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static JsonNode vectors;

  @BeforeAll
  static void load() throws IOException {
    if (Boolean.getBoolean("fwp.regenerate")) {
      GoldenVectors.write(GoldenVectors.FILE);
    }
    vectors = new ObjectMapper().readTree(GoldenVectors.FILE.toFile());
  }

  @Test
  void fileMatchesWhatThisCodecProduces() throws IOException {
    JsonNode fresh = new ObjectMapper().readTree(GoldenVectors.json());
    assertThat(vectors)
        .as("vectors/golden.json is stale or hand-edited; after a deliberate protocol change run "
            + "the test with -Dfwp.regenerate=true and review the diff")
        .isEqualTo(fresh);
  }

  @Test
  void coverage() {
    assertThat(vectors.size()).isGreaterThanOrEqualTo(25);
    Set<String> names = new HashSet<>();
    Set<MessageType> validTypes = EnumSet.noneOf(MessageType.class);
    Set<String> reasons = new HashSet<>();
    for (JsonNode v : vectors) {
      assertThat(names.add(v.get("name").asText())).as("duplicate name").isTrue();
      if (v.get("kind").asText().equals("frame")) {
        if (v.get("valid").asBoolean()) {
          validTypes.add(MessageType.fromId(v.get("fields").get("msg_id").asInt()));
        } else {
          reasons.add(v.get("reject_reason").asText());
        }
      }
    }
    assertThat(validTypes).containsExactlyInAnyOrder(MessageType.values());
    assertThat(reasons).contains("BAD_CRC", "UNKNOWN_INCOMPAT_FLAG", "TRUNCATED", "FRAME_TOO_LONG",
        "BAD_SIGNATURE", "REPLAY");
  }

  @Test
  void crcVectorsIncludePublishedCheckValues() {
    // CRC-32C check value and the RFC 3720 (iSCSI) appendix B.4 examples.
    Map<String, String> published = Map.of(
        "crc32c_check_123456789", "e3069283",
        "crc32c_32_zero_bytes", "8a9136aa",
        "crc32c_32_ff_bytes", "62a8ab43",
        "crc32c_32_incrementing", "46dd794e",
        "crc32c_32_decrementing", "113fdb5c");
    int seen = 0;
    for (JsonNode v : vectors) {
      if (v.get("kind").asText().equals("crc32c")) {
        byte[] in = HEX.parseHex(v.get("input_hex").asText());
        String crc = v.get("crc_hex").asText();
        assertThat(String.format("%08x", Crc32c.of(in))).isEqualTo(crc);
        String want = published.get(v.get("name").asText());
        if (want != null) {
          assertThat(crc).as(v.get("name").asText()).isEqualTo(want);
          seen++;
        }
      }
    }
    assertThat(seen).isEqualTo(published.size());
  }

  @Test
  void cobsVectors() {
    for (JsonNode v : vectors) {
      if (v.get("kind").asText().equals("cobs")) {
        byte[] in = HEX.parseHex(v.get("input_hex").asText());
        byte[] enc = HEX.parseHex(v.get("encoded_hex").asText());
        assertThat(Cobs.encode(in)).as(v.get("name").asText()).isEqualTo(enc);
        assertThat(Cobs.decode(enc)).as(v.get("name").asText()).isEqualTo(in);
      }
    }
  }

  @Test
  void framesDecodeInFileOrderAsDeclared() {
    List<Object> outcomes = new ArrayList<>();
    SignatureVerifier verifier = new SignatureVerifier()
        .addKey(GoldenVectors.TEST_KEY_ID, GoldenVectors.TEST_KEY);
    FrameDecoder decoder = new FrameDecoder(new PacketCodec(null, verifier, false),
        new PacketHandler() {
          @Override
          public void onPacket(Packet packet) {
            outcomes.add(packet);
          }

          @Override
          public void onReject(DecodeResult.Rejected r) {
            outcomes.add(r);
          }
        });
    PacketCodec packetLevel = new PacketCodec(null, new SignatureVerifier()
        .addKey(GoldenVectors.TEST_KEY_ID, GoldenVectors.TEST_KEY), false);
    int frames = 0;
    for (JsonNode v : vectors) {
      if (!v.get("kind").asText().equals("frame")) {
        continue;
      }
      frames++;
      String name = v.get("name").asText();
      byte[] packet = HEX.parseHex(v.get("packet_hex").asText());
      byte[] wire = HEX.parseHex(v.get("wire_hex").asText());
      assertThat(FrameEncoder.frame(packet)).as(name).isEqualTo(wire);
      JsonNode f = v.get("fields");
      Header h = Header.read(packet, 0);
      assertThat(new Header(f.get("version").asInt(), f.get("incompat_flags").asInt(),
          f.get("compat_flags").asInt(), f.get("src").asInt(), f.get("dst").asInt(),
          f.get("msg_id").asInt(), f.get("seq").asLong(), f.get("payload_len").asInt()))
          .as(name).isEqualTo(h);

      outcomes.clear();
      decoder.feed(wire);
      assertThat(outcomes).as(name).hasSize(1);
      Object o = outcomes.get(0);
      DecodeResult atPacketLevel = packetLevel.decode(packet);
      if (v.get("valid").asBoolean()) {
        assertThat(o).as(name + ": " + o).isInstanceOf(Packet.class);
        Packet p = (Packet) o;
        assertThat(p.header()).isEqualTo(h);
        assertThat(atPacketLevel.ok()).as(name).isTrue();
        if (!p.signed()) {
          assertThat(new PacketCodec().encode(h.src(), h.dst(), h.seq(), h.compatFlags(),
              p.message())).as(name + " re-encodes byte for byte").isEqualTo(packet);
        }
      } else {
        assertThat(o).as(name).isInstanceOf(DecodeResult.Rejected.class);
        assertThat(((DecodeResult.Rejected) o).reason().name()).as(name)
            .isEqualTo(v.get("reject_reason").asText());
        assertThat(atPacketLevel.ok()).as(name).isFalse();
      }
    }
    assertThat(decoder.counters().frames()).isEqualTo(frames);
  }

  @Test
  void independentPythonImplementationAgrees() throws Exception {
    Path script = Path.of("vectors", "verify.py");
    assertThat(script).exists();
    Process p;
    try {
      p = new ProcessBuilder("python3", script.toString(), GoldenVectors.FILE.toString())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("python3 is not installed here; the independent check was skipped");
      return;
    }
    boolean done = p.waitFor(20, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("verify.py finished").isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("all " + vectors.size() + " vectors OK");
  }

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
