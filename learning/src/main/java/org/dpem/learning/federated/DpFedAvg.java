package org.dpem.learning.federated;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dpem.learning.privacy.PrivacySpent;
import org.dpem.learning.privacy.RdpAccountant;

/**
 * The aggregator of differentially private federated averaging (McMahan et al., "Learning
 * Differentially Private Recurrent Language Models", 2018): each round Poisson-samples the
 * agents, collects their clipped weight deltas, adds Gaussian noise of standard deviation z * S
 * to the sum, divides by the expected number of participants q * N (a fixed denominator, so
 * that one agent's influence is bounded whatever the others do), and applies the result with a
 * server learning rate and optional momentum. An {@link RdpAccountant} composes the
 * sampled Gaussian mechanism once per closed round.
 *
 * <p>Rounds have increasing ids; an update for any other round than the open one is dropped, as
 * is one from an agent not sampled, a second one from the same agent, or a malformed one. Time
 * is the caller's: it closes a round when its timeout passes, with whoever has answered.
 * Thread-safe.
 */
public final class DpFedAvg {
  /** A round as announced to the agents. */
  public record Round(long id, List<String> participants, float[] weights) {}

  private final FedAvgSettings settings;
  private final SecureRandom random;
  private final PoissonSampler sampler;
  private final RdpAccountant accountant;
  private final float[] weights;
  private final double[] velocity;
  private long lastRound;
  private long completed;
  private long droppedTotal;
  private PrivacySpent spent;
  private boolean exhausted;
  private OpenRound open;

  private static final class OpenRound {
    final long id;
    final Set<String> sampled;
    final int population;
    final Map<String, float[]> updates = new LinkedHashMap<>();
    int dropped;

    OpenRound(long id, Set<String> sampled, int population) {
      this.id = id;
      this.sampled = sampled;
      this.population = population;
    }
  }

  /**
   * @param initial the starting global weights
   * @param firstRound the id of the first round will be {@code firstRound + 1}; give the last id
   *     used before a restart so that ids never repeat
   */
  public DpFedAvg(FedAvgSettings settings, float[] initial, RdpAccountant accountant, SecureRandom random, long firstRound) {
    this.settings = settings;
    this.random = random;
    this.sampler = new PoissonSampler(settings.samplingRate(), random);
    this.accountant = accountant;
    this.weights = initial.clone();
    this.velocity = new double[initial.length];
    this.lastRound = firstRound;
    this.spent = accountant.epsilon(settings.delta());
  }

  public DpFedAvg(FedAvgSettings settings, float[] initial) {
    this(settings, initial, new RdpAccountant(), new SecureRandom(), 0);
  }

  public FedAvgSettings settings() {
    return settings;
  }

  /**
   * Samples the agents and opens the next round, unless the budget would be exceeded by it.
   *
   * @param agents every agent that may take part (N); the denominator is q * N
   * @return the round, or empty when the epsilon budget does not allow another one
   * @throws IllegalStateException if a round is still open
   */
  public synchronized Optional<Round> open(Collection<String> agents) {
    if (open != null) {
      throw new IllegalStateException("round " + open.id + " is still open");
    }
    if (agents.isEmpty()) {
      throw new IllegalArgumentException("a round needs at least one agent");
    }
    if (Double.isFinite(settings.epsilonBudget())) {
      double next = accountant.copy().compose(settings.samplingRate(), settings.noiseMultiplier(), 1)
          .epsilon(settings.delta()).epsilon();
      if (next > settings.epsilonBudget()) {
        exhausted = true;
        return Optional.empty();
      }
    }
    Set<String> all = new LinkedHashSet<>(agents);
    Set<String> sampled = new LinkedHashSet<>(sampler.sample(all));
    open = new OpenRound(++lastRound, sampled, all.size());
    return Optional.of(new Round(open.id, List.copyOf(sampled), weights.clone()));
  }

  /** Offers an update to the open round. */
  public synchronized Verdict offer(ClientUpdate u) {
    Verdict v = judge(u);
    if (v == Verdict.ACCEPTED) {
      open.updates.put(u.agent(), u.delta().clone());
    } else {
      droppedTotal++;
      if (open != null) {
        open.dropped++;
      }
    }
    return v;
  }

  private Verdict judge(ClientUpdate u) {
    if (open == null) {
      return Verdict.NO_ROUND;
    }
    if (u.round() != open.id) {
      return Verdict.STALE;
    }
    if (!open.sampled.contains(u.agent())) {
      return Verdict.NOT_SAMPLED;
    }
    if (open.updates.containsKey(u.agent())) {
      return Verdict.DUPLICATE;
    }
    if (u.delta().length != weights.length) {
      return Verdict.MALFORMED;
    }
    for (float x : u.delta()) {
      if (!Float.isFinite(x)) {
        return Verdict.MALFORMED;
      }
    }
    return Verdict.ACCEPTED;
  }

  /** Whether the open round has every sampled agent's update (it may close early). */
  public synchronized boolean complete() {
    return open != null && open.updates.size() == open.sampled.size();
  }

  /**
   * Aggregates what arrived, applies it, spends the round's privacy and closes the round.
   *
   * @throws IllegalStateException if no round is open
   */
  public synchronized RoundResult close() {
    if (open == null) {
      throw new IllegalStateException("no round is open");
    }
    OpenRound r = open;
    open = null;
    double bound = settings.robust() == Robust.NORM_BOUND ? settings.normBound() : settings.clipNorm();
    List<float[]> clipped = new ArrayList<>(r.updates.size());
    for (float[] d : r.updates.values()) {
      clipped.add(Clipping.clip(d, bound));
    }
    double expected = settings.samplingRate() * r.population;
    double noiseSd = settings.noiseMultiplier() * settings.clipNorm();
    double[] update = new double[weights.length];
    double[] noise = GaussianNoise.draw(random, weights.length);
    switch (settings.robust()) {
      case NONE, NORM_BOUND -> {
        for (float[] d : clipped) {
          for (int j = 0; j < update.length; j++) {
            update[j] += d[j];
          }
        }
        for (int j = 0; j < update.length; j++) {
          update[j] = (update[j] + noiseSd * noise[j]) / expected;
        }
      }
      case TRIMMED_MEAN, MEDIAN -> {
        // a robust estimate of the mean update, with noise at the scale DP-FedAvg's mean gets
        double[] m = clipped.isEmpty() ? new double[weights.length]
            : settings.robust() == Robust.MEDIAN ? RobustMean.median(clipped, weights.length)
            : RobustMean.trimmedMean(clipped, weights.length, settings.trimFraction());
        for (int j = 0; j < update.length; j++) {
          update[j] = m[j] + noiseSd / expected * noise[j];
        }
      }
      default -> throw new IllegalStateException("unknown rule " + settings.robust());
    }
    for (int j = 0; j < weights.length; j++) {
      velocity[j] = settings.serverMomentum() * velocity[j] + update[j];
      weights[j] += (float) (settings.serverLearningRate() * velocity[j]);
    }
    accountant.compose(settings.samplingRate(), settings.noiseMultiplier(), 1);
    spent = accountant.epsilon(settings.delta());
    completed++;
    return new RoundResult(r.id, r.sampled.size(), clipped.size(), List.copyOf(r.updates.keySet()), r.dropped,
        weights.clone(), spent.epsilon(), spent.order());
  }

  /**
   * Closes the open round without applying anything or spending privacy: for a round whose
   * announcement never went out, so nothing computed from it was released.
   */
  public synchronized void abort() {
    if (open == null) {
      throw new IllegalStateException("no round is open");
    }
    open = null;
  }

  /** The current global weights. */
  public synchronized float[] weights() {
    return weights.clone();
  }

  /** The id of the open round, or of the last one if none is open. */
  public synchronized long round() {
    return lastRound;
  }

  public synchronized boolean isOpen() {
    return open != null;
  }

  /** Rounds closed so far. */
  public synchronized long completedRounds() {
    return completed;
  }

  /** Updates dropped so far, over all rounds. */
  public synchronized long droppedUpdates() {
    return droppedTotal;
  }

  /** The accountant's RDP per order so far (its orders are the accountant's). */
  public synchronized double[] rdp() {
    return accountant.rdp();
  }

  /** Privacy spent so far. */
  public synchronized PrivacySpent spent() {
    return spent;
  }

  /** Whether a round was refused because it would have exceeded the budget. */
  public synchronized boolean budgetExhausted() {
    return exhausted;
  }
}
