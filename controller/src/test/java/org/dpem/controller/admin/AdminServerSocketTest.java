package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin server over real TCP sockets, against an in-memory controller on its own thread. */
class AdminServerSocketTest {
  static final String TOKEN = "s3cret-token";

  @TempDir Path tmp;
  ExecutorService loop;
  InMemoryAdminBackend backend;
  AdminServer server;

  @BeforeEach
  void start() throws IOException {
    loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-control-loop"));
    backend = new InMemoryAdminBackend(4, loop);
    server = AdminServer.start(config().build(), backend);
  }

  AdminServerConfig.Builder config() {
    return AdminServerConfig.builder(AdminToken.of(TOKEN)).port(0)
        .lockout(Duration.ofMillis(20), Duration.ofMillis(200))
        .auditFile(tmp.resolve("audit.jsonl"));
  }

  @AfterEach
  void stop() {
    server.close();
    loop.shutdownNow();
  }

  LineClient client() throws IOException {
    return new LineClient(server.port());
  }

  @Test
  void commandsAreRefusedBeforeAuthAndAcceptedAfter() throws Exception {
    try (LineClient c = client()) {
      JsonNode r = c.ask("status");
      assertThat(r.path("ok").asBoolean()).isFalse();
      assertThat(r.path("error").asText()).isEqualTo("status: not authenticated; the first command must be 'auth TOKEN'");
      assertThat(r.path("code").asText()).isEqualTo("unauthenticated");

      r = c.ask("auth wrong");
      assertThat(r.path("error").asText()).isEqualTo("auth: wrong token");

      r = c.ask("auth " + TOKEN);
      // The first failure locked this host out for 20 ms, and this connection stopped reading
      // for as long, so the right token is checked once the lockout has passed.
      assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
      r = c.ask("status");
      assertThat(r.path("ok").asBoolean()).isTrue();
      assertThat(r.path("status").path("loop").asText()).isEqualTo("running");
      assertThat(r.path("status").path("usableNodes").asInt()).isEqualTo(4);
    }
  }

  @Test
  void failuresLockOutTheirOwnConnectionOnly() throws Exception {
    server.close();
    server = AdminServer.start(config().lockout(Duration.ofSeconds(5), Duration.ofSeconds(5)).build(), backend);
    try (LineClient a = client(); LineClient b = client()) {
      a.sendRaw("auth nope\nauth " + TOKEN + "\n");
      assertThat(a.read().path("code").asText()).isEqualTo("bad_token");
      // A guess pipelined behind the failure is refused without the token being checked.
      JsonNode r = a.read();
      assertThat(r.path("code").asText()).isEqualTo("locked_out");
      assertThat(r.path("error").asText()).startsWith("auth: too many failed attempts on this connection");
      // Another connection from the same address is not locked out: on loopback every local
      // process shares that address, and a wrong token must not lock the operator out.
      assertThat(b.ask("auth " + TOKEN).path("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void aRequestReturnsAnIdThatRequestsLists() throws Exception {
    try (LineClient c = client().auth(TOKEN)) {
      JsonNode r = c.ask("request n0 n3 0.9 10 30");
      assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
      String id = r.path("id").asText();
      assertThat(id).isNotBlank();

      JsonNode list = c.ask("requests");
      assertThat(list.path("requests").findValuesAsText("id")).containsExactly(id);
      assertThat(list.path("requests").get(0).path("state").asText()).isEqualTo("queued");
      assertThat(c.ask("requests queued").path("requests")).hasSize(1);
      assertThat(c.ask("requests delivered").path("requests")).isEmpty();

      JsonNode one = c.ask("request " + id);
      assertThat(one.path("request").path("minFidelity").asDouble()).isEqualTo(0.9);
      assertThat(c.ask("cancel " + id).path("request").path("state").asText()).isEqualTo("rejected");
      JsonNode again = c.ask("cancel " + id);
      assertThat(again.path("error").asText()).isEqualTo("cancel: request '" + id + "' already rejected");
      assertThat(again.path("code").asText()).isEqualTo("rejected");
    }
  }

  @Test
  void badInputGetsAClearErrorAndKeepsTheConnection() throws Exception {
    String[][] cases = {
        {"frobnicate", "unknown command 'frobnicate'; try 'help'"},
        {"", "empty line; try 'help'"},
        {"nodes extra", "nodes: expected 'nodes', got 1 argument"},
        {"node", "node: expected 'node ID', got 0 arguments"},
        {"request n0 n1 0.9", "request: expected 'request SRC DST MIN_FID PAIRS DEADLINE' or 'request ID', got 3 arguments"},
        {"request n0 n1 abc 10 30", "request: MIN_FID must be a number in (0.25, 1], got 'abc'"},
        {"request n0 n1 NaN 10 30", "request: MIN_FID must be a number in (0.25, 1], got 'NaN'"},
        {"request n0 n1 0.2 10 30", "request: MIN_FID must be a number in (0.25, 1], got '0.2'"},
        {"request n0 n1 1.01 10 30", "request: MIN_FID must be a number in (0.25, 1], got '1.01'"},
        {"request n0 n1 0.9 0 30", "request: PAIRS must be a whole number in 1..1000000, got '0'"},
        {"request n0 n1 0.9 2.5 30", "request: PAIRS must be a whole number in 1..1000000, got '2.5'"},
        {"request n0 n1 0.9 10 -1", "request: DEADLINE must be seconds from now, a number in (0, 31536000], got '-1'"},
        {"request n0 n1 0.9 10 Infinity", "request: DEADLINE must be seconds from now, a number in (0, 31536000], got 'Infinity'"},
        {"request n0 n0 0.9 10 30", "request: SRC and DST must differ, both are 'n0'"},
        {"request n0 n99 0.9 10 30", "request: unknown node 'n99'"},
        {"request r999", "request: unknown request 'r999'"},
        {"node n99", "node: unknown node 'n99'"},
        {"device n0-sourcex", "device: unknown device 'n0-sourcex'"},
        {"device n0-source explode", "device: unknown action 'explode'; expected 'safe' or 'clear-fault'"},
        {"device n0-source clear-fault", "device: device 'n0-source' has no latched fault"},
        {"cancel nope", "cancel: unknown request 'nope'"},
        {"policy nope", "policy: unknown policy 'nope'"},
        {"requests bogus", "requests: unknown state 'bogus' (known: allocated, delivered, expired, failed, queued, rejected)"},
        {"drain n\u0001", "drain: NODE must be 1-128 letters, digits or . _ : / @ -, got 'n\\x01'"},
        {"auth " + TOKEN, "auth: already authenticated on this connection"},
        {"help nope", "help: unknown command 'nope'; try 'help'"},
    };
    try (LineClient c = client().auth(TOKEN)) {
      for (String[] k : cases) {
        JsonNode r = c.ask(k[0]);
        assertThat(r.path("ok").asBoolean()).as(k[0]).isFalse();
        assertThat(r.path("error").asText()).as(k[0]).isEqualTo(k[1]);
        assertThat(c.ask("status").path("ok").asBoolean()).as("connection kept after " + k[0]).isTrue();
      }
    }
  }

  @Test
  void everyCommandAnswersWithItsShape() throws Exception {
    backend.fault("n1-memory", "overtemperature");
    try (LineClient c = client().auth(TOKEN)) {
      assertThat(c.ask("nodes").path("nodes").findValuesAsText("id")).containsExactly("n0", "n1", "n2", "n3");
      JsonNode devices = c.ask("devices").path("devices");
      assertThat(devices).hasSize(12);
      assertThat(devices.get(0).fieldNames()).toIterable().contains("id", "node", "kind", "state");
      assertThat(c.ask("node n1").path("neighbours")).hasSize(2);
      assertThat(c.ask("device n1-memory").path("device").path("state").asText()).isEqualTo("FAULT");
      assertThat(c.ask("device n1-memory clear-fault").path("device").path("state").asText()).isEqualTo("READY");
      assertThat(c.ask("DEVICE n2-source SAFE").path("device").path("state").asText()).isEqualTo("SAFE");
      assertThat(c.ask("policy").path("policy").path("active").asText()).isEqualTo("dpem");
      assertThat(c.ask("policy greedy").path("policy").path("active").asText()).isEqualTo("greedy");
      assertThat(c.ask("drain n2").path("node").path("state").asText()).isEqualTo("drained");
      assertThat(c.ask("undrain n2").path("node").path("state").asText()).isEqualTo("active");
      assertThat(c.ask("allocations").path("allocations").isArray()).isTrue();
      assertThat(c.ask("fed").path("federation").has("epsilonSpent")).isTrue();
      assertThat(c.ask("train").path("training").path("state").asText()).isEqualTo("idle");
      assertThat(c.ask("metrics").path("metrics").has("delivery_rate")).isTrue();
      assertThat(c.ask("topology").path("topology").path("links")).hasSize(3);
      JsonNode help = c.ask("help").path("commands");
      assertThat(help.findValuesAsText("usage")).hasSize(AdminCommands.HELP.size())
          .contains("estop", "request SRC DST MIN_FID PAIRS DEADLINE | request ID");
      assertThat(c.ask("help request").path("commands")).hasSize(1);
      assertThat(c.ask("quit").path("bye").asBoolean()).isTrue();
      assertThat(c.read()).as("closed after quit").isNull();
    }
  }

  @Test
  void estopMakesEveryDeviceSafeAndResumeRestarts() throws Exception {
    try (LineClient c = client().auth(TOKEN)) {
      JsonNode r = c.ask("estop");
      assertThat(r.path("estop").path("devicesSafe").asInt()).isEqualTo(12);
      assertThat(c.ask("devices").path("devices").findValuesAsText("state")).hasSize(12).containsOnly("SAFE");
      assertThat(c.ask("status").path("status").path("loop").asText()).isEqualTo("estopped");
      assertThat(c.ask("request n0 n1 0.9 1 5").path("error").asText())
          .isEqualTo("request: the loop is estopped; 'resume' first");
      assertThat(c.ask("resume").path("status").path("loop").asText()).isEqualTo("running");
    }
  }

  @Test
  void anOverlongLineGetsAnErrorAndTheConnectionCloses() throws Exception {
    try (LineClient c = client().auth(TOKEN)) {
      c.sendRaw("status\n" + "x".repeat(5 * 1024) + "\nstatus\n");
      assertThat(c.read().path("ok").asBoolean()).as("the command before is still answered").isTrue();
      JsonNode r = c.read();
      assertThat(r.path("code").asText()).isEqualTo("line_too_long");
      assertThat(r.path("error").asText()).isEqualTo("line longer than 4096 bytes; closing the connection");
      assertThat(c.read()).as("closed").isNull();
    }
    try (LineClient c = client()) {
      c.sendRaw("y".repeat(5 * 1024));
      assertThat(c.read().path("code").asText()).as("before auth, without a newline").isEqualTo("line_too_long");
      assertThat(c.read()).isNull();
    }
    // A line of exactly 4096 bytes is still a line.
    try (LineClient c = client().auth(TOKEN)) {
      assertThat(c.ask("status " + "z".repeat(4096 - 7)).path("error").asText()).startsWith("status: expected");
    }
  }

  @Test
  void pipelinedCommandsAreAnsweredInOrder() throws Exception {
    try (LineClient c = client().auth(TOKEN)) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        b.append(i % 3 == 0 ? "bogus\n" : "request n0 n1 0.8 1 60\n");
      }
      c.sendRaw(b.toString());
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        JsonNode r = c.read();
        assertThat(r.path("ok").asBoolean()).as("line %d", i).isEqualTo(i % 3 != 0);
        if (i % 3 != 0) {
          ids.add(r.path("id").asText());
        }
      }
      for (int i = 0; i < ids.size(); i++) {
        assertThat(ids.get(i)).isEqualTo("r" + (i + 1));
      }
    }
  }

  @Test
  void aScriptThatClosesItsSideAfterTheLastCommandGetsEveryReply() throws Exception {
    // printf 'auth T\nstatus\n...' | nc: the peer's EOF arrives before the controller answers.
    server.close();
    AdminBackend slow = new DelegatingBackend(backend) {
      @Override
      public CompletionStage<StatusSummary> status() {
        return super.status().thenApplyAsync(x -> x,
            CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS));
      }
    };
    server = AdminServer.start(config().build(), slow);
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(("auth " + TOKEN + "\nstatus\nrequest n0 n1 0.8 1 60\nrequests\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      s.shutdownOutput();
      List<String> lines = new java.io.BufferedReader(new java.io.InputStreamReader(
          s.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)).lines().toList();
      assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("{\"ok\":true"));
      assertThat(lines.get(1)).contains("\"status\"");
      assertThat(lines.get(3)).contains("\"requests\"");
    }
  }

  @Test
  void aCommandTheControllerNeverAnswersTimesOutAndTheConnectionGoesOn() throws Exception {
    server.close();
    AdminBackend stuck = new DelegatingBackend(backend) {
      @Override
      public CompletionStage<StatusSummary> status() {
        return new CompletableFuture<>();
      }
    };
    server = AdminServer.start(config().commandTimeout(Duration.ofMillis(200)).build(), stuck);
    try (LineClient c = client().auth(TOKEN)) {
      JsonNode r = c.ask("status");
      assertThat(r.path("code").asText()).isEqualTo("timeout");
      assertThat(r.path("error").asText()).isEqualTo("status: the controller did not answer within 200 ms");
      assertThat(c.ask("nodes").path("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void idleConnectionsAreClosed() throws Exception {
    server.close();
    server = AdminServer.start(config().idleTimeout(Duration.ofMillis(300)).build(), backend);
    try (LineClient c = client()) {
      JsonNode r = c.read();
      assertThat(r.path("code").asText()).isEqualTo("idle_timeout");
      assertThat(c.read()).isNull();
    }
  }

  @Test
  void connectionsBeyondTheLimitAreRefused() throws Exception {
    server.close();
    server = AdminServer.start(config().maxConnections(2).build(), backend);
    try (LineClient a = client().auth(TOKEN); LineClient b = client().auth(TOKEN); LineClient c = client()) {
      JsonNode r = c.read();
      assertThat(r.path("code").asText()).isEqualTo("busy");
      assertThat(c.read()).isNull();
      assertThat(a.ask("status").path("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void theAuditFileRecordsEveryCommandWithoutTheToken() throws Exception {
    try (LineClient c = client()) {
      c.ask("nodes");
      c.auth(TOKEN);
      c.ask("drain n1");
      c.ask("drain n42");
    }
    server.close(); // flushes the audit writer
    List<String> lines = Files.readAllLines(tmp.resolve("audit.jsonl"));
    assertThat(String.join("\n", lines)).doesNotContain(TOKEN);
    assertThat(lines).hasSize(4);
    List<JsonNode> entries = new ArrayList<>();
    for (String l : lines) {
      entries.add(AdminJson.MAPPER.readTree(l));
    }
    assertThat(entries).extracting(e -> e.path("command").asText())
        .containsExactly("nodes", "auth ****", "drain n1", "drain n42");
    assertThat(entries).extracting(e -> e.path("ok").asBoolean()).containsExactly(false, true, true, false);
    assertThat(entries.get(3).path("error").asText()).isEqualTo("drain: unknown node 'n42'");
    assertThat(entries.get(0).path("peer").asText()).startsWith("127.0.0.1:");
    assertThat(entries.get(0).path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }
}
