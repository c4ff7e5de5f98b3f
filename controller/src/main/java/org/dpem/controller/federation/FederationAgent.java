package org.dpem.controller.federation;

import java.util.concurrent.atomic.AtomicLong;
import org.dpem.learning.federated.ClientUpdate;
import org.dpem.learning.federated.Clipping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's side of federation: when a round names it, it trains locally from the round's
 * global weights, clips its weight delta to the clip norm and sends it. Each round is trained
 * for at most once. An update that could not be sent (broker down) is sent again when the
 * transport reconnects; when the aggregator announces the same round again (it reconnected, and
 * may have missed what was sent meanwhile), the round's update is sent again, freshly signed: the
 * aggregator drops a copy it already has. A newer round gives up the older one.
 */
public final class FederationAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FederationAgent.class);

  private final String id;
  private final LocalTrainer trainer;
  private final double clipNorm;
  private final FederationTransport transport;
  private final AtomicLong answered = new AtomicLong();
  private FederationTransport.AgentEnd end;
  private long lastRound = Long.MIN_VALUE;
  private ClientUpdate unsent;
  /** This round's update once sent, to send again if the round is announced again. */
  private ClientUpdate sent;
  private volatile float[] global;

  public FederationAgent(String id, LocalTrainer trainer, double clipNorm, FederationTransport transport) {
    this.id = id;
    this.trainer = trainer;
    this.clipNorm = clipNorm;
    this.transport = transport;
  }

  /**
   * Opens the agent's end. A round can arrive before the transport has returned the end to send
   * on (a retained announcement, delivered while subscribing): its update waits and goes out here.
   */
  public synchronized FederationAgent start() throws FederationException {
    end = transport.openAgent(id, this::onRound, this::retry);
    retry();
    return this;
  }

  private synchronized void onRound(RoundAnnouncement r) {
    global = r.weights();
    if (r.round() < lastRound) {
      return;
    }
    if (r.round() == lastRound) {
      // announced again: our answer may have been lost with the broker or the aggregator
      if (unsent == null && sent != null) {
        unsent = sent;
      }
      retry();
      return;
    }
    lastRound = r.round();
    unsent = null;
    sent = null;
    if (!r.participants().contains(id)) {
      return;
    }
    float[] local = trainer.train(r.weights(), r.round());
    unsent = new ClientUpdate(id, r.round(), Clipping.clippedDelta(r.weights(), local, clipNorm));
    retry();
  }

  private synchronized void retry() {
    if (unsent == null || end == null) {
      return;
    }
    try {
      end.submit(unsent);
      LOG.info("agent {}: update for round {} sent", id, unsent.round());
      if (sent == null) {
        answered.incrementAndGet();
      }
      sent = unsent;
      unsent = null;
    } catch (FederationException e) {
      LOG.warn("agent {}: update for round {} not sent ({}); will send it on reconnect", id, unsent.round(),
          e.getMessage());
    }
  }

  /** Rounds this agent has answered. */
  public long answered() {
    return answered.get();
  }

  /** The latest global weights announced, or null before the first round. */
  public float[] globalWeights() {
    float[] g = global;
    return g == null ? null : g.clone();
  }

  @Override
  public void close() {
    transport.close();
  }
}
