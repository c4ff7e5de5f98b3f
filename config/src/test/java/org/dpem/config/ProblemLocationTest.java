package org.dpem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dpem.config.Yaml.only;
import static org.dpem.config.Yaml.problems;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every class of error, each pinned to the exact line and column of the offending key or value.
 * Columns count from 1; in "  port: 70000" the value starts at column 9.
 */
class ProblemLocationTest {

  private static void at(ConfigProblem p, int line, int column, String key, String messagePart) {
    assertThat(p.line()).as("line of %s", p).isEqualTo(line);
    assertThat(p.column()).as("column of %s", p).isEqualTo(column);
    assertThat(p.key()).as("key of %s", p).isEqualTo(key);
    assertThat(p.message()).as("message of %s", p).contains(messagePart);
    assertThat(p.file()).isEqualTo(Yaml.FILE);
  }

  @Test
  void unknownKeyPointsAtTheKeyAndSuggests() {
    ConfigProblem p = only("""
        controller:
          polcy: greedy
        """);
    at(p, 2, 3, "controller.polcy", "unknown key (did you mean 'policy'?)");
    assertThat(p.format()).startsWith("t.yaml:2:3: controller.polcy: unknown key");
  }

  @Test
  void unknownKeyFarFromAnyGivesNoSuggestion() {
    ConfigProblem p = only("""
        workload:
          type: poisson
          colour: blue
        """);
    at(p, 3, 3, "workload.colour", "unknown key");
    assertThat(p.message()).doesNotContain("did you mean");
  }

  @Test
  void unknownTopLevelSectionSuggestsTheSection() {
    at(only("netwrk: {}\n"), 1, 1, "netwrk", "did you mean 'network'?");
  }

  @Test
  void wrongTypeQuotedNumber() {
    at(only("""
        controller:
          epoch_ms: "100"
        """), 2, 13, "controller.epoch_ms", "expected an integer, got the string \"100\"");
  }

  @Test
  void wrongTypeFractionForInteger() {
    at(only("""
        controller:
          k_paths: 2.5
        """), 2, 12, "controller.k_paths", "expected an integer");
  }

  @Test
  void wrongTypeMappingWhereListExpected() {
    at(only("""
        network:
          nodes:
            id: a
        """), 3, 5, "network.nodes", "expected a list, got a mapping");
  }

  @Test
  void wrongTypeScalarWhereSectionExpected() {
    at(only("controller: fast\n"), 1, 13, "controller", "expected a mapping of keys");
  }

  @Test
  void portOutOfRange() {
    at(only("""
        controller:
          admin:
            port: 70000
        """), 3, 11, "controller.admin.port", "must be an integer in [1, 65535], got 70000");
    at(only("controller: {admin: {port: 0}}\n"), 1, 28, "controller.admin.port", "[1, 65535]");
  }

  @Test
  void negativeLinkLength() {
    at(only("""
        network:
          nodes: [{id: a}, {id: b}]
          links:
            - {a: a, b: b, length_km: -3}
        """), 4, 31, "network.links[0].length_km", "must be greater than 0, got -3");
  }

  @Test
  void fidelityOutsideQuarterToOne() {
    at(only("""
        network:
          generator:
            source_fidelity: 0.25
        """), 3, 22, "network.generator.source_fidelity", "must be in (0.25, 1]");
    at(only("""
        network:
          generator:
            source_fidelity: 1.01
        """), 3, 22, "network.generator.source_fidelity", "must be in (0.25, 1]");
    at(only("workload: {min_fidelity: [0.2, 0.9]}\n"), 1, 27, "workload.min_fidelity[0]", "(0.25, 1]");
  }

  @Test
  void rangeMinAboveMax() {
    at(only("""
        network:
          generator:
            generation_rate_pairs_per_s: [10, 0]
        """), 3, 35, "network.generator.generation_rate_pairs_per_s", "range min 10 is greater than max 0");
    at(only("""
        workload:
          deadline_s: {min: 9, max: 2}
        """), 2, 21, "workload.deadline_s", "range min 9 is greater than max 2");
  }

  @Test
  void rangeWithWrongArity() {
    at(only("workload: {pairs: [1, 2, 3]}\n"), 1, 19, "workload.pairs", "exactly two numbers, got 3");
  }

  @Test
  void duplicateNodeIdPointsAtTheSecondAndNamesTheFirst() {
    at(only("""
        network:
          nodes:
            - id: a
            - id: b
            - id: a
        """), 5, 11, "network.nodes[2].id", "duplicate node id 'a' (first defined at line 3)");
  }

  @Test
  void duplicateDeviceIdAcrossNodes() {
    at(only("""
        network:
          nodes: [{id: a}, {id: b}]
        devices:
          a:
            - {id: d1, kind: source}
          b:
            - {id: d1, kind: memory}
        """), 7, 12, "devices.b[0].id", "duplicate device id 'd1' (first defined at line 5)");
  }

  @Test
  void linkToUnknownNode() {
    at(only("""
        network:
          nodes: [{id: alice}, {id: bob}]
          links:
            - a: alice
              b: bobb
              length_km: 10
        """), 5, 10, "network.links[0].b", "no node 'bobb' in the network (did you mean 'bob'?)");
  }

  @Test
  void devicesOfUnknownNode() {
    at(only("""
        network:
          generator: {type: chain, hops: 3}
        devices:
          n7:
            - {id: s, kind: source}
        """), 4, 3, "devices.n7", "no node 'n7' in the network");
  }

  @Test
  void hotspotPairWithUnknownNode() {
    at(only("""
        network:
          generator: {type: grid, rows: 2, cols: 2}
        workload:
          type: hotspot
          hotspot_pairs: [[n0, n4]]
        """), 5, 24, "workload.hotspot_pairs[0][1]", "no node 'n4'");
  }

  @Test
  void missingRequiredFieldIsReportedAtTheEnclosingMapping() {
    at(only("""
        network:
          nodes: [{id: a}, {id: b}]
          links:
            - a: a
              b: b
        """), 4, 7, "network.links[0].length_km", "required key 'length_km' is missing");
    at(only("""
        network:
          nodes: [{id: a}]
        devices:
          a:
            - id: s
              driver: serial
              port: /dev/ttyUSB0
        """), 5, 7, "devices.a[0].kind", "required key 'kind' is missing");
  }

  @Test
  void requiredKeyWithEmptyValueIsPointedAt() {
    at(only("""
        network:
          nodes: [{id: a}, {id: b}]
          links:
            - a: a
              b: b
              length_km:
        """), 6, 17, "network.links[0].length_km", "required key 'length_km' has no value");
  }

  @Test
  void serialDeviceNeedsAPort() {
    at(only("""
        network:
          nodes: [{id: a}]
        devices:
          a:
            - {id: s, kind: source, driver: serial}
        """), 5, 7, "devices.a[0].port", "required key 'port' is missing");
  }

  @Test
  void unknownChoiceSuggests() {
    at(only("""
        controller:
          policy: gredy
        """), 2, 11, "controller.policy", "expected one of greedy, greedy-tuned, central-lp, max-weight, predictive-greedy, dpem (did you mean 'greedy'?)");
  }

  @Test
  void keyThatBelongsToAnotherType() {
    at(only("""
        workload:
          type: poisson
          period_s: 60
        """), 3, 3, "workload.period_s", "does not apply to workload type poisson");
    at(only("""
        network:
          generator:
            type: grid
            average_degree: 3
        """), 4, 5, "network.generator.average_degree", "does not apply to generator type grid");
  }

  @Test
  void yamlSyntaxErrorCarriesTheParsersPosition() {
    ConfigProblem p = only("""
        controller:
          policy: greedy
          admin: {port: 7700
        workload: {}
        """);
    assertThat(p.message()).startsWith("YAML syntax error:");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(9);

    ConfigProblem tab = only("controller:\n\tpolicy: greedy\n");
    at(tab, 2, 1, "", "YAML syntax error");
    assertThat(tab.message()).contains("TAB");

    at(only("a: b: c\n"), 1, 5, "", "mapping values are not allowed here");
  }

  @Test
  void duplicateYamlKey() {
    at(only("""
        controller:
          epoch_ms: 100
          epoch_ms: 200
        """), 3, 3, "controller.epoch_ms", "duplicate key (first given at line 2)");
  }

  @Test
  void aliasesAreRefusedWithTheirPlace() {
    at(only("""
        controller:
          policy: &p greedy
        workload:
          type: *p
        """), 4, 9, "workload.type", "aliases (*p) are not supported");
  }

  @Test
  void badBrokerUrl() {
    at(only("controller: {broker: 'mqtt://x:1883'}\n"), 1, 22, "controller.broker", "expected 'embedded' or a broker URL");
    at(only("controller: {broker: 'tcp://host:70000'}\n"), 1, 22, "controller.broker", "broker port");
  }

  @Test
  void moreThanOneDocument() {
    // Reported where the second document's content starts.
    at(only("controller: {}\n---\nworkload: {}\n"), 3, 1, "", "one YAML document");
  }

  @Test
  void everyProblemIsReportedNotJustTheFirst() {
    List<ConfigProblem> all = problems("""
        version: 1
        network:
          nodes:
            - id: a
            - id: a
            - {id: b, source_fidelity: 2}
          links:
            - {a: a, b: c, length_km: -1}
            - {a: a, b: b}
        devices:
          b:
            - {id: x, kind: laser}
        controller:
          polcy: greedy
          admin: {port: 0}
          epoch_ms: fast
        workload:
          type: diurnal
          amplitude: 1.5
          pairs: [5, 1]
        """);
    assertThat(all).extracting(p -> p.line() + ":" + p.column() + " " + p.key()).containsExactly(
        "5:11 network.nodes[1].id",
        "6:32 network.nodes[2].source_fidelity",
        "8:17 network.links[0].b",
        "8:31 network.links[0].length_km",
        "9:7 network.links[1].length_km",
        "12:21 devices.b[0].kind",
        "14:3 controller.polcy",
        "15:17 controller.admin.port",
        "16:13 controller.epoch_ms",
        "19:14 workload.amplitude",
        "20:11 workload.pairs");
  }

  @Test
  void formatIsFileLineColumnKeyMessage() {
    assertThat(new ConfigProblem("f.yaml", 3, 7, "controller.admin.port", "bad").format())
        .isEqualTo("f.yaml:3:7: controller.admin.port: bad");
  }
}
