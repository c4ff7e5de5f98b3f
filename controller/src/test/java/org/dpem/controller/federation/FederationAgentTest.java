package org.dpem.controller.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dpem.learning.federated.ClientUpdate;
import org.junit.jupiter.api.Test;

class FederationAgentTest {
  /** Delivers an announcement while the agent's end is being opened, as a retained MQTT round can. */
  private static final class RetainedRoundTransport implements FederationTransport {
    final List<ClientUpdate> sent = new ArrayList<>();
    final RoundAnnouncement retained;

    RetainedRoundTransport(RoundAnnouncement retained) {
      this.retained = retained;
    }

    @Override
    public AggregatorEnd openAggregator(Consumer<ClientUpdate> updates, Runnable reconnected) {
      throw new UnsupportedOperationException();
    }

    @Override
    public AgentEnd openAgent(String agentId, Consumer<RoundAnnouncement> rounds, Runnable reconnected) {
      rounds.accept(retained);
      return sent::add;
    }

    @Override
    public TransportStats stats() {
      return new TransportStats(sent.size(), 0, 0);
    }

    @Override
    public void close() {}
  }

  @Test
  void aRoundArrivingWhileTheTransportOpensIsAnswered() throws Exception {
    RetainedRoundTransport t = new RetainedRoundTransport(
        new RoundAnnouncement(7, List.of("n1"), new float[] {0, 0}, 1000));
    try (FederationAgent a = new FederationAgent("n1", (g, round) -> new float[] {g[0] + 0.5f, g[1]}, 1.0, t)
        .start()) {
      assertThat(a.answered()).isEqualTo(1);
      assertThat(t.sent).singleElement().satisfies(u -> {
        assertThat(u.round()).isEqualTo(7);
        assertThat(u.delta()).containsExactly(0.5f, 0f);
      });
    }
  }
}
