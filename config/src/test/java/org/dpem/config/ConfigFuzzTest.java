package org.dpem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * Hostile and mangled input: whatever the text, loading ends quickly with a config or a
 * {@link ConfigException} whose positions lie inside the text; never another exception, never a hang.
 */
class ConfigFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);

  /** Loads {@code text} and checks the outcome is a config or well-formed problems. */
  private static void loadsOrExplains(String text) {
    int lines = text.split("\n", -1).length;
    assertTimeoutPreemptively(LIMIT, () -> {
      try {
        ConfigLoader.parse(text, "fuzz.yaml");
      } catch (ConfigException e) {
        assertThat(e.problems()).isNotEmpty();
        for (ConfigProblem p : e.problems()) {
          assertThat(p.line()).as("line of %s in\n%s", p, text).isBetween(1, lines + 1);
          assertThat(p.column()).as("column of %s", p).isPositive();
          assertThat(p.message()).isNotBlank();
        }
      } catch (Throwable t) {
        fail("loading threw " + t + " for:\n" + text, t);
      }
    });
  }

  @Property(tries = 400)
  void randomTextNeverThrowsAnythingButConfigException(@ForAll("yamlish") String text) {
    loadsOrExplains(text);
  }

  @Property(tries = 400)
  void mutatedExamplesNeverThrowAnythingButConfigException(@ForAll("mutatedExamples") String text) {
    loadsOrExplains(text);
  }

  @Property(tries = 300)
  void limitsThatAreWrongOnTheirFaceAreAlwaysRejected(
      @ForAll @DoubleRange(min = -50, max = 50) double min, @ForAll @DoubleRange(min = -50, max = 50) double max) {
    String yaml = "network: {nodes: [{id: a}]}\n"
        + "devices:\n  a:\n    - {id: s, kind: source, limits: {rate: {min: " + min + ", max: " + max + "}}}\n";
    boolean faceValid = min >= 0 && max >= 0 && min <= max;
    if (faceValid) {
      DpemConfig c = Yaml.ok(yaml);
      assertThat(c.devices().of("a").get(0).limit("rate").min()).hasValue(min);
    } else {
      assertThat(Yaml.problems(yaml)).isNotEmpty()
          .allSatisfy(p -> assertThat(p.key()).startsWith("devices.a[0].limits.rate."));
    }
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    loadsOrExplains("a: " + "[".repeat(20_000) + "]".repeat(20_000));
    loadsOrExplains("a:\n" + "  b:\n".repeat(5_000));
    loadsOrExplains("a: " + "{x: ".repeat(3_000) + "1" + "}".repeat(3_000));
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int k = 0; k < 10; k++) b.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
      b.append("]\n");
    }
    loadsOrExplains(b.toString());
  }

  @Test
  void hugeNumbersAndOddScalars() {
    loadsOrExplains("controller: {admin: {port: 99999999999999999999999999999}}");
    loadsOrExplains("controller: {epoch_ms: .inf, k_paths: .nan}");
    loadsOrExplains("workload: {seed: 123456789012345678901234567890, rate_per_s: 1e400}");
    loadsOrExplains("network: {generator: {link_length_km: [0x10, 0o7]}}");
    loadsOrExplains("? [a, b]\n: c\n");
    loadsOrExplains("!!binary aGVsbG8=");
    loadsOrExplains("%YAML 1.1\n---\nx: 1\n");
    loadsOrExplains("\u0000\u0001");
  }

  // ---- generators ---------------------------------------------------------------------------

  private static final List<String> EXAMPLES =
      ShippedExamples.names().stream().map(ShippedExamples::text).toList();

  private static final String[] SNIPPETS = {
      ":", "- ", "[", "]", "{", "}", ",", "\n", "  ", "\t", "#", "&x ", "*x", "!!str ", "'", "\"", "|", ">", "? ",
      "---\n", "...", "-1", "1e309", "0", "70000", "null", "~", "true", "n999", "id: a\n", "x: [1, {y: z}]\n",
      "\u00e9", "\uD83D\uDE00", "%", "@", "`", "nodes:\n  - id: a\n", "limits: {rate: {min: 5, max: 1}}"};

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> atoms = Arbitraries.oneOf(
        Arbitraries.of(SNIPPETS),
        Arbitraries.strings().withChars("abcxyz019_-.:[]{},#&*!|>'\"?% \n\t").ofMaxLength(12),
        Arbitraries.of("network", "nodes", "links", "generator", "devices", "controller", "workload", "type",
            "admin", "port", "limits", "rate", "id", "a", "b", "length_km"));
    return atoms.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> mutatedExamples() {
    Arbitrary<String> base = Arbitraries.of(EXAMPLES);
    Arbitrary<List<int[]>> edits = Combinators.combine(
            Arbitraries.integers().between(0, 4), Arbitraries.integers().greaterOrEqual(0),
            Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().between(0, SNIPPETS.length - 1))
        .as((kind, pos, len, snippet) -> new int[] {kind, pos, len, snippet})
        .list().ofMinSize(1).ofMaxSize(6);
    return Combinators.combine(base, edits).as(ConfigFuzzTest::mutate);
  }

  /** Applies edits: 0 delete a span, 1 insert a snippet, 2 duplicate a line, 3 swap two lines, 4 truncate. */
  static String mutate(String text, List<int[]> edits) {
    String s = text;
    for (int[] e : edits) {
      int n = Math.max(s.length(), 1);
      int pos = e[1] % n;
      switch (e[0]) {
        case 0 -> s = s.substring(0, Math.min(pos, s.length())) + s.substring(Math.min(s.length(), pos + e[2] % 40));
        case 1 -> s = s.substring(0, Math.min(pos, s.length())) + SNIPPETS[e[3]] + s.substring(Math.min(pos, s.length()));
        case 2, 3 -> {
          List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
          int i = pos % lines.size();
          int j = e[2] % lines.size();
          if (e[0] == 2) lines.add(j, lines.get(i));
          else {
            String t = lines.get(i);
            lines.set(i, lines.get(j));
            lines.set(j, t);
          }
          s = String.join("\n", lines);
        }
        default -> s = s.substring(0, Math.min(pos, s.length()));
      }
    }
    return s;
  }
}
