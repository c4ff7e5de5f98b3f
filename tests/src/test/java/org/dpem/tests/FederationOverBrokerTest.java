package org.dpem.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Federation across processes through a real Mosquitto broker: the aggregator in {@code dpem run},
 * three {@code dpem agent} processes with their own keys. Rounds complete; they go on when an
 * agent is killed mid-round (the round times out with the others' updates) and when the broker
 * restarts (every client reconnects, the aggregator announces again).
 */
class FederationOverBrokerTest {
  private static final String TOKEN = "e2e-federation-token-0123456789";
  private static final List<String> AGENTS = List.of("n0", "n1", "n2");

  @TempDir Path home;

  @Test
  void threeAgentProcessesAndTheAggregatorSurviveAKilledAgentAndABrokerRestart() throws Exception {
    Mosquitto.require("federation over a broker");
    List<Process> agents = new ArrayList<>();
    try (Mosquitto broker = Mosquitto.start(home)) {
      StringBuilder keys = new StringBuilder("aggregator 0 " + hexKey(0) + "\n");
      for (int i = 0; i < AGENTS.size(); i++) {
        keys.append(AGENTS.get(i)).append(' ').append(i + 1).append(' ').append(hexKey(i + 1)).append('\n');
      }
      Files.writeString(home.resolve("fed.keys"), keys);
      Path config = home.resolve("fed.yaml");
      Files.writeString(config, String.join("\n",
          "version: 1",
          "controller:",
          "  broker: " + broker.url(),
          "  federation:",
          "    every_epochs: 5",           // a round every 0.5 s of wall time
          "    round_timeout_ms: 2000",
          "    noise_multiplier: 1.0",
          "    keys: fed.keys",
          ""));
      try (DpemProcess dpem = DpemProcess.run(home, "dpem-run", TOKEN, "--config", config.toString(),
          "--speed", "1")) {
        for (String node : AGENTS) {
          agents.add(agent(config, node));
        }
        try (AdminLine admin = dpem.admin().auth(TOKEN)) {
          JsonNode fed = awaitFed(admin, "three rounds with all three agents", f ->
              f.path("rounds").asLong() >= 3 && f.path("participants").asInt() == 3, dpem);
          assertThat(fed.path("epsilonSpent").asDouble()).isPositive();
          assertThat(fed.path("agents").asInt()).isEqualTo(3);

          // SIGKILL one agent: its rounds time out and close with the other two updates
          agents.get(2).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          long before = fed(admin).path("rounds").asLong();
          awaitFed(admin, "rounds closed without the killed agent", f ->
              f.path("rounds").asLong() >= before + 2 && f.path("participants").asInt() == 2, dpem);

          // restart the broker: everyone reconnects, rounds go on with the two live agents
          broker.stop();
          Thread.sleep(1000);
          broker.startProcess();
          long afterRestart = fed(admin).path("rounds").asLong();
          fed = awaitFed(admin, "rounds after the broker restart", f ->
              f.path("rounds").asLong() >= afterRestart + 3 && f.path("participants").asInt() == 2, dpem);
          assertThat(fed.path("state").asText()).isEqualTo("running");
          assertThat(fed.path("rejectedMessages").asLong()).isZero();
        }
        assertThat(dpem.log()).contains("federation round");
      } finally {
        for (Process p : agents) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  private Process agent(Path config, String node) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
        "org.dpem.controller.cli.DpemCommand", "agent", "--config", config.toString(), "--node", node);
    pb.redirectErrorStream(true);
    pb.redirectOutput(home.resolve("agent-" + node + ".log").toFile());
    return pb.start();
  }

  private static JsonNode fed(AdminLine admin) throws Exception {
    JsonNode r = admin.ask("fed");
    assertThat(r.path("ok").asBoolean()).as("fed: %s", r).isTrue();
    return r.path("federation");
  }

  private JsonNode awaitFed(AdminLine admin, String what, java.util.function.Predicate<JsonNode> done,
      DpemProcess dpem) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    JsonNode f = fed(admin);
    while (!done.test(f)) {
      assertThat(System.nanoTime()).as("%s; last fed %s; agents:%n%s", what, f, agentLogs()).isLessThan(end);
      Thread.sleep(200);
      f = fed(admin);
    }
    return f;
  }

  private String agentLogs() throws java.io.IOException {
    StringBuilder b = new StringBuilder();
    for (String node : AGENTS) {
      List<String> lines = Files.readAllLines(home.resolve("agent-" + node + ".log"));
      b.append(node).append(":\n  ").append(String.join("\n  ", lines.subList(Math.max(0, lines.size() - 8),
          lines.size()))).append('\n');
    }
    return b.toString();
  }

  private static String hexKey(int id) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      b.append(String.format("%02x", (id * 37 + i) & 0xFF));
    }
    return b.toString();
  }
}
