package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.loop.ControlLoop;
import org.dpem.controller.loop.HalCommander;
import org.dpem.controller.loop.LoopSettings;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.policy.GreedyPolicy;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.time.ManualTimeBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "done when" script over a plain TCP client, against the real control loop (on
 * in-test hal devices) through its operator facade. A thread of its own advances the loop's time,
 * as the wall clock would.
 */
class OperatorAdminBackendTest {
  static final String TOKEN = "op-token";
  final ManualTimeBase time = new ManualTimeBase();
  final AtomicBoolean running = new AtomicBoolean(true);
  Thread clock;
  AdminServer server;

  @BeforeEach
  void start() throws IOException {
    // n0-n1-n2-n3 line plus an n0-n4-n3 detour
    NetworkModel model = Lab.model(5, 4, new int[][] {{0, 4}, {4, 3}}, 10, 5, 10);
    Lab lab = new Lab(time, model);
    ControlLoop loop = new ControlLoop(model, lab, time, LoopSettings.of(100, 4), new GreedyPolicy(),
        new RunMetrics(new SimpleMeterRegistry()), null, new HalCommander(lab, model));
    loop.start();
    clock = new Thread(() -> {
      while (running.get()) {
        time.advance(10_000_000L);
        LockSupport.parkNanos(500_000L);
      }
    }, "test-loop-clock");
    clock.setDaemon(true);
    clock.start();
    server = AdminServer.start(AdminServerConfig.builder(AdminToken.of(TOKEN)).port(0).build(),
        new OperatorAdminBackend(loop.operator()));
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
    running.set(false);
    clock.join(5000);
  }

  @Test
  void theDoneWhenScript() throws Exception {
    try (LineClient c = new LineClient(server.port())) {
      assertThat(c.ask("devices").path("code").asText()).isEqualTo("unauthenticated");
      c.auth(TOKEN);

      JsonNode submitted = c.ask("request n0 n2 0.8 3 30");
      assertThat(submitted.path("ok").asBoolean()).as(submitted.toString()).isTrue();
      String id = submitted.path("id").asText();
      assertThat(c.ask("requests").path("requests").findValuesAsText("id")).contains(id);
      assertThat(c.ask("request " + id).path("request").path("source").asText()).isEqualTo("n0");

      assertThat(c.ask("request n0 n2 zero 3 30").path("error").asText())
          .isEqualTo("request: MIN_FID must be a number in (0.25, 1], got 'zero'");
      assertThat(c.ask("node n42").path("error").asText()).isEqualTo("node: unknown node 'n42'");
      assertThat(c.ask("request 999999").path("code").asText()).isEqualTo("unknown_id");
      assertThat(c.ask("policy nope").path("error").asText()).startsWith("policy: unknown policy 'nope'");
      assertThat(c.ask("fed").path("code").asText()).isEqualTo("unavailable");

      JsonNode estop = c.ask("estop");
      assertThat(estop.path("ok").asBoolean()).as(estop.toString()).isTrue();
      JsonNode devices = c.ask("devices").path("devices");
      assertThat(devices.size()).isGreaterThan(5);
      assertThat(devices.findValuesAsText("state")).containsOnly("SAFE");
      assertThat(c.ask("status").path("status").path("loop").asText()).isEqualTo("estopped");

      c.sendRaw("x".repeat(5 * 1024) + "\n");
      assertThat(c.read().path("code").asText()).isEqualTo("line_too_long");
      assertThat(c.read()).isNull();
    }
  }

  @Test
  void everyOtherCommandMapsTheControllersAnswer() throws Exception {
    try (LineClient c = new LineClient(server.port()).auth(TOKEN)) {
      JsonNode nodes = c.ask("nodes").path("nodes");
      assertThat(nodes.findValuesAsText("id")).containsExactly("n0", "n1", "n2", "n3", "n4");
      JsonNode n0 = c.ask("node n0");
      assertThat(n0.path("neighbours").toString()).contains("n1", "n4");
      String device = n0.path("devices").get(0).path("id").asText();
      assertThat(c.ask("device " + device).path("device").path("node").asText()).isEqualTo("n0");
      assertThat(c.ask("device " + device + " safe").path("device").path("state").asText()).isEqualTo("SAFE");
      assertThat(c.ask("device nope").path("code").asText()).isEqualTo("unknown_id");
      assertThat(c.ask("drain n1").path("node").path("state").asText()).isEqualTo("drained");
      assertThat(c.ask("undrain n1").path("node").path("state").asText()).isNotEqualTo("drained");
      assertThat(c.ask("policy").path("policy").path("active").asText()).isEqualTo("greedy");
      assertThat(c.ask("policy max-weight").path("policy").path("active").asText()).isEqualTo("max-weight");
      assertThat(c.ask("metrics").path("metrics").has("deliveryRate")).isTrue();
      assertThat(c.ask("topology").path("topology").path("links").size()).isEqualTo(5);
      assertThat(c.ask("allocations").path("allocations").isArray()).isTrue();
      String id = c.ask("request n0 n3 0.8 1 30").path("id").asText();
      JsonNode cancelled = c.ask("cancel " + id);
      if (cancelled.path("ok").asBoolean()) {
        assertThat(cancelled.path("request").path("reason").asText()).isEqualTo("cancelled");
      } else {
        // Delivered within the epoch before the cancel arrived.
        assertThat(cancelled.path("error").asText()).startsWith("cancel: request '" + id + "' already ");
      }
      assertThat(c.ask("requests bogus").path("error").asText())
          .isEqualTo("requests: unknown state 'bogus' (known: queued, allocated, delivered, expired, failed, rejected)");
      assertThat(c.ask("resume").path("status").path("loop").asText()).isEqualTo("running");
    }
  }

  @Test
  void beforeTheLoopHasStartedCommandsAnswerUnavailable() throws Exception {
    try (AdminServer early = AdminServer.start(AdminServerConfig.builder(AdminToken.of(TOKEN)).port(0).build(),
        new OperatorAdminBackend(() -> null)); LineClient c = new LineClient(early.port()).auth(TOKEN)) {
      JsonNode r = c.ask("status");
      assertThat(r.path("code").asText()).isEqualTo("unavailable");
      assertThat(r.path("error").asText()).isEqualTo("status: the controller is still starting");
      assertThat(c.ask("help").path("ok").asBoolean()).isTrue();
    }
  }
}
