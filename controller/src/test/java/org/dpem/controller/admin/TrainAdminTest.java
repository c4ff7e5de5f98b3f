package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.dpem.config.controller.AgentsConfig;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.loop.ControlLoop;
import org.dpem.controller.loop.HalCommander;
import org.dpem.controller.loop.LoopSettings;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.policy.Policies;
import org.dpem.controller.policy.dpem.DpemPolicy;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.time.ManualTimeBase;
import org.junit.jupiter.api.Test;

/** The socket's {@code train} while the dpem policy learns in a real loop, and once it is switched away. */
class TrainAdminTest {

  @Test
  void trainShowsTheLearningPolicyAndIsUnavailableUnderAnother() throws Exception {
    ManualTimeBase time = new ManualTimeBase();
    NetworkModel model = Lab.model(5, 4, new int[][] {{0, 4}, {4, 3}}, 10, 5, 10);
    Lab lab = new Lab(time, model);
    AtomicBoolean running = new AtomicBoolean(true);
    try (DpemPolicy dpem = DpemPolicy.learning(AgentsConfig.DEFAULT)) {
      ControlLoop loop = new ControlLoop(model, lab, time, LoopSettings.of(100, 4), dpem,
          new RunMetrics(new SimpleMeterRegistry()), null, new HalCommander(lab, model));
      loop.usePolicies(Policies::create);
      loop.start();
      Thread clock = new Thread(() -> {
        while (running.get()) {
          time.advance(10_000_000L);
          LockSupport.parkNanos(500_000L);
        }
      }, "test-loop-clock");
      clock.setDaemon(true);
      clock.start();
      OperatorAdminBackend backend = new OperatorAdminBackend(loop.operator()).withTraining(() -> {
        DpemPolicy.TrainingState t = dpem.state();
        return new OperatorAdminBackend.Training(t.mode(), t.steps(), t.updates());
      });
      try (AdminServer server = AdminServer.start(
          AdminServerConfig.builder(AdminToken.of("t")).port(0).build(), backend);
          LineClient c = new LineClient(server.port()).auth("t")) {
        c.ask("request n0 n3 0.8 3 30");
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode training;
        do {
          training = c.ask("train").path("training");
        } while (training.path("steps").asLong() < 20 && System.nanoTime() < deadline);
        assertThat(training.path("state").asText()).as(training.toString()).isEqualTo("learning");
        assertThat(training.path("steps").asLong()).isGreaterThanOrEqualTo(20);

        c.ask("policy greedy");
        JsonNode after;
        do {
          after = c.ask("train");
        } while (!after.path("code").asText().equals("unavailable") && System.nanoTime() < deadline);
        assertThat(after.path("code").asText()).as(after.toString()).isEqualTo("unavailable");
        assertThat(after.path("error").asText()).contains("greedy");
      } finally {
        running.set(false);
        clock.join(5000);
        loop.close();
      }
    }
  }
}
