package org.dpem.controller.policy.dpem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dpem.config.controller.ActionChoice;
import org.dpem.config.controller.AgentsConfig;
import org.dpem.controller.metrics.EpochMetrics;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Decision;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.StockOrder;
import org.dpem.controller.reserve.Claim;
import org.dpem.learning.ppo.ActionBatch;
import org.dpem.learning.ppo.PpoAgent;
import org.dpem.learning.ppo.PpoConfig;
import org.dpem.learning.ppo.RolloutBuffer;
import org.dpem.learning.ppo.UpdateStats;

/**
 * The DPEM policy: one agent per node, all sharing one set of PPO weights. Every epoch each
 * node's local observation ({@link NodeEncoding}) is a row of one batched forward call; agents
 * claim without seeing each other's claims, so their claims can collide, and the shared
 * reservation settles that as for every policy.
 *
 * <p>The batch is always every node (a fixed number of rows, with masks): a node with nothing
 * to decide gets a row whose only allowed actions are "wait" and "no stock". The rollout buffer
 * runs GAE along each row over consecutive epochs, which needs the same agent in the same row
 * every epoch; a variable batch would break those chains, and 100 rows cost one forward call all
 * the same.
 *
 * <p>Reward: the previous epoch's delivered pairs, minus {@code contention_penalty} per
 * contention event, minus {@code waste_penalty} per stocked pair not (yet) handed over (stocked
 * this epoch minus stock used this epoch, which sums to the run's wasted stock). The loop
 * measures these network-wide; {@link Credit} splits the team reward over the agents by local
 * evidence, the shares summing to the team reward.
 *
 * <p>Warm start: for the first {@code imitation_updates} updates of a training the agents act by
 * a teacher, greedy-tuned's rule as one node can follow it ({@link NodeEncoding#teach}), and
 * each update is an imitation update (the actor learns the teacher's actions, the critic their
 * returns) instead of a PPO one; PPO then starts from a policy that already claims sensibly,
 * rather than from uniform random claims whose collisions it spends its training unlearning.
 * With {@code teacher_weight} every later PPO update also weighs the teacher's log-likelihood
 * (kickstarting), so that noisy advantages do not walk the policy away from the rule.
 *
 * <p>Learning: actions are sampled and PPO updates every {@code rollout_epochs}. Evaluating (a
 * trained checkpoint, no updates): as {@code evaluation} says. {@code sample} draws from the
 * trained distribution: a policy trained by PPO from scratch learns for a request largely
 * <em>when</em> to claim, as a per-epoch probability of claiming rather than waiting (e.g. 0.3),
 * which taking the most probable action turns into "never claim" (in a first 4-minute training
 * on paper-100, 0.27 delivery rate on the validation seed against 0.42 sampled).
 * {@code most-probable} suits a policy that imitated the teacher, a deterministic rule, where a
 * sample only adds mistakes to it. Sampling draws from the agent's checkpointed random stream,
 * so a reloaded policy decides identically either way.
 * Loop thread only (the training status may be read from any thread).
 */
public final class DpemPolicy implements AllocationPolicy, AutoCloseable {
  public static final String NAME = "dpem";
  /** File name of the policy checkpoint in a training directory. */
  public static final String CHECKPOINT = "policy.ckpt";

  private final PpoAgent agent;
  private final AgentsConfig settings;
  private boolean learning;
  private NodeEncoding encoding;
  private RolloutBuffer rollout;
  private float[] obs;
  private boolean[] masks;
  private float[] lastObs;
  private boolean[] lastMasks;
  private ActionBatch lastChosen;
  private int[] lastTaught;
  private int[] actions;
  private float[] rewards;
  private Credit credit;
  private boolean[] dones;
  private volatile TrainingState state;
  private long steps;
  private double episodeReward;
  private UpdateStats lastUpdate;

  private DpemPolicy(PpoAgent agent, AgentsConfig settings, boolean learning) {
    this.agent = agent;
    this.settings = settings;
    this.learning = learning;
    this.state = new TrainingState(learning ? "learning" : "evaluating", 0, agent.updates(), 0,
        Double.NaN, Double.NaN);
  }

  /** The PPO settings of {@code controller.agents}; the rest are {@link PpoConfig#defaults}. */
  public static PpoConfig ppoConfig(AgentsConfig a) {
    return PpoConfig.defaults(NodeEncoding.OBSERVATION_SIZE, NodeEncoding.heads()).toBuilder()
        .hiddenSizes(List.of(a.hiddenUnits(), a.hiddenUnits()))
        .learningRate(a.learningRate())
        .gamma(a.discount())
        .gaeLambda(a.gaeLambda())
        .clipCoef(a.ppoClip())
        .minibatchSize(a.minibatch())
        .rolloutSteps(a.rolloutEpochs())
        .updateEpochs(a.updateEpochs())
        .entropyCoef(a.entropyCoef())
        .seed(a.seed())
        .build();
  }

  /** Fresh weights from the config's seed; learns online. */
  public static DpemPolicy learning(AgentsConfig a) {
    return new DpemPolicy(PpoAgent.create(ppoConfig(a)), a, true);
  }

  /**
   * A trained policy from {@code dir}/{@value #CHECKPOINT}, written under the same
   * {@code controller.agents} settings; samples its actions and does not learn unless
   * {@link #setLearning} says so.
   */
  public static DpemPolicy load(Path dir, AgentsConfig a) throws IOException {
    return new DpemPolicy(PpoAgent.load(dir.resolve(CHECKPOINT), ppoConfig(a)), a, false);
  }

  /** Writes the weights, optimizer and random state to {@code dir}/{@value #CHECKPOINT}. */
  public void save(Path dir) throws IOException {
    agent.save(dir.resolve(CHECKPOINT));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean readsForecasts() {
    return true;
  }

  /** Switches between learning (sampling, updates) and evaluating (no updates). */
  public void setLearning(boolean on) {
    endEpisode();
    learning = on;
  }

  public boolean isLearning() {
    return learning;
  }

  @Override
  public Decision decide(EpochView view) {
    if (encoding == null || encoding.model() != view.model()) {
      start(new NodeEncoding(view.model()));
    }
    int rows = encoding.rows();
    encoding.encode(view, obs, masks);
    ActionBatch chosen = !learning && settings.evaluation() == ActionChoice.MOST_PROBABLE
        ? agent.actGreedy(obs, masks, rows)
        : agent.act(obs, masks, rows);
    steps++;
    if (learning) {
      episodeReward += reward(view.previous());
      credit.rewards(view, settings.contentionPenalty(), settings.wastePenalty(), rewards);
      if (lastChosen != null) {
        rollout.add(lastObs, lastMasks, lastChosen, lastTaught, rewards, dones);
        if (rollout.isFull()) {
          // this epoch's values bootstrap the rollout's last step
          rollout.finish(chosen.values());
          lastUpdate = imitating() ? agent.imitate(rollout) : agent.update(rollout, settings.teacherWeight());
          rollout.clear();
        }
      }
      lastTaught = null;
      if (imitating() || settings.teacherWeight() > 0) {
        lastTaught = new int[chosen.actions().length];
        encoding.teach(masks, lastTaught);
      }
      if (imitating()) {
        // after the update above, so that a rollout is all imitation or all PPO: the teacher
        // acts, and the agent's own sample only gave the critic's values
        chosen = new ActionBatch(chosen.batch(), chosen.heads(), lastTaught, chosen.logProbs(), chosen.values());
      }
      System.arraycopy(obs, 0, lastObs, 0, obs.length);
      System.arraycopy(masks, 0, lastMasks, 0, masks.length);
      lastChosen = chosen;
    }
    actions = chosen.actions();
    publish();
    List<Claim> claims = new ArrayList<>();
    List<StockOrder> stock = new ArrayList<>();
    encoding.decide(chosen.actions(), claims, stock, credit);
    return new Decision(claims, stock);
  }

  /** Whether the agents still act by the teacher and learn to imitate it (the warm start). */
  private boolean imitating() {
    return learning && agent.updates() < settings.imitationUpdates();
  }

  /** The team reward for the epoch {@code m} describes. */
  double reward(EpochMetrics m) {
    return m.pairsDelivered() - settings.contentionPenalty() * m.contentionEvents()
        - settings.wastePenalty() * (m.stockedPairs() - m.stockedPairsUsed());
  }

  /**
   * Ends an episode (a training run): the last step is closed as terminal, and the unfinished
   * rollout is dropped, so that a checkpoint taken now resumes exactly (a rollout in progress is
   * not checkpointed). Returns the episode's summed team reward.
   */
  public double endEpisode() {
    double r = episodeReward;
    episodeReward = 0;
    lastChosen = null;
    if (rollout != null) {
      rollout.clear();
      credit.reset();
    }
    return r;
  }

  private void start(NodeEncoding e) {
    encoding = e;
    int rows = e.rows();
    obs = new float[rows * NodeEncoding.OBSERVATION_SIZE];
    masks = new boolean[rows * NodeEncoding.LOGITS];
    lastObs = new float[obs.length];
    lastMasks = new boolean[masks.length];
    rewards = new float[rows];
    dones = new boolean[rows];
    rollout = new RolloutBuffer(agent.config(), rows);
    credit = new Credit(e.model());
    lastChosen = null;
  }

  private void publish() {
    UpdateStats u = lastUpdate;
    state = new TrainingState(imitating() ? "imitating" : learning ? "learning" : "evaluating", steps, agent.updates(),
        encoding == null ? 0 : encoding.rows(), u == null ? Double.NaN : u.entropy(),
        u == null ? Double.NaN : u.approxKl());
  }

  /** The masks of the last decision, row by row ({@link NodeEncoding#LOGITS} each). */
  boolean[] lastMasks() {
    return masks;
  }

  /** What the teacher would have chosen in the last decision, row by row. */
  int[] lastTeacherActions() {
    int[] taught = new int[actions.length];
    encoding.teach(masks, taught);
    return taught;
  }

  /** The actions of the last decision, row by row ({@link NodeEncoding#HEADS} each). */
  int[] lastActions() {
    return actions;
  }

  /** What the policy is doing, for the admin socket; any thread. */
  public TrainingState state() {
    return state;
  }

  /** Epochs decided so far (each one environment step of every agent). */
  public long steps() {
    return steps;
  }

  public long updates() {
    return agent.updates();
  }

  @Override
  public void close() {
    agent.close();
  }

  /**
   * @param mode {@code imitating} (the warm start), {@code learning} or {@code evaluating}
   * @param steps epochs decided by this policy instance
   * @param updates PPO updates of its weights, checkpointed ones included
   * @param agents agents (rows) per epoch
   * @param entropy mean entropy of the last update, NaN before one
   * @param approxKl approximate KL of the last update, NaN before one
   */
  public record TrainingState(String mode, long steps, long updates, int agents, double entropy,
      double approxKl) {}
}
