package org.dpem.controller.federation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dpem.learning.federated.ClientUpdate;

/**
 * Federation inside one process, for simulation and training: messages are handed over as
 * objects, in order, on one delivery thread (so no handler runs inside another's call, as over
 * a broker). Nothing leaves the process, so nothing needs signing; weights are copied on the way
 * so that no end shares arrays with another.
 */
public final class InProcessTransport implements FederationTransport {
  private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "federation in-process");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Consumer<RoundAnnouncement>> agents = new ConcurrentHashMap<>();
  private volatile Consumer<ClientUpdate> aggregator;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  @Override
  public AggregatorEnd openAggregator(Consumer<ClientUpdate> updates, Runnable reconnected) {
    aggregator = updates;
    return round -> {
      for (Consumer<RoundAnnouncement> a : agents.values()) {
        sent.incrementAndGet();
        bytes.addAndGet(4L * round.weights().length);
        RoundAnnouncement copy = new RoundAnnouncement(round.round(), round.participants(), round.weights().clone(),
            round.timeoutMs());
        delivery.execute(() -> a.accept(copy));
      }
    };
  }

  @Override
  public AgentEnd openAgent(String agentId, Consumer<RoundAnnouncement> rounds, Runnable reconnected) {
    agents.put(agentId, rounds);
    return update -> {
      Consumer<ClientUpdate> to = aggregator;
      if (to == null) {
        throw new FederationException("no aggregator is listening in this process");
      }
      sent.incrementAndGet();
      bytes.addAndGet(4L * update.delta().length);
      ClientUpdate copy = new ClientUpdate(update.agent(), update.round(), update.delta().clone());
      delivery.execute(() -> to.accept(copy));
    };
  }

  @Override
  public TransportStats stats() {
    return new TransportStats(sent.get(), bytes.get(), 0);
  }

  @Override
  public void close() {
    delivery.shutdownNow();
  }
}
