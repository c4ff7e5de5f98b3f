package org.dpem.learning.ppo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.dpem.learning.DjlRuntime;

/**
 * A PPO agent: the actor-critic networks, their optimizer, the random stream and the update
 * count. Many agents' observations go through one forward call ({@link #act}); rows are
 * independent, so "one agent per node" and "parallel copies of an environment" are both a batch.
 * Not thread-safe: one thread at a time (any thread; grad mode is switched off per thread).
 */
public final class PpoAgent implements AutoCloseable {
  private final PpoConfig config;
  private final Engine engine;
  private final NDManager manager;
  private final ActorCritic net;
  private final Adam adam;
  private final MaskedHeads heads;
  private final PpoUpdater updater;
  private final Staging obsIn = new Staging();
  private float[] outputs = new float[0];
  private Rng rng;
  private long updates;

  private PpoAgent(PpoConfig config) {
    this.config = config;
    this.engine = DjlRuntime.engine();
    this.manager = engine.newBaseManager();
    this.rng = new Rng(config.seed());
    this.heads = new MaskedHeads(config.actionHeads());
    this.net = new ActorCritic(config, manager, rng);
    this.adam = new Adam(net.flat(), manager, config.adamBeta1(), config.adamBeta2(),
        config.adamEps());
    this.updater = new PpoUpdater(config, engine, net, adam, heads);
  }

  /** A fresh agent, initialized from {@code config.seed()}. */
  public static PpoAgent create(PpoConfig config) {
    return new PpoAgent(config);
  }

  /**
   * Resumes from a checkpoint written by {@link #save}. The checkpoint must have been written
   * under a config with the same {@link PpoConfig#hash()}; the resumed agent then takes exactly
   * the decisions and updates the saved one would have.
   */
  public static PpoAgent load(Path file, PpoConfig config) throws IOException {
    PpoCheckpoint c = PpoCheckpoint.read(file);
    if (!c.configHash().equals(config.hash())) {
      throw new IllegalArgumentException("checkpoint " + file + " was written under config "
          + c.configHash() + " (" + c.configText() + "), not under the given config "
          + config.hash() + " (" + config.canonical() + ")");
    }
    PpoAgent agent = new PpoAgent(config);
    try {
      agent.net.importFlat(c.parameters());
      agent.adam.importState(c.optimizerMoments(), c.optimizerStep());
      agent.rng = new Rng(c.rngState());
      agent.updates = c.updates();
      return agent;
    } catch (RuntimeException e) {
      agent.close();
      throw new IllegalArgumentException("checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes weights, optimizer moments and step, RNG state, update count and config hash. */
  public void save(Path file) throws IOException {
    new PpoCheckpoint(config.hash(), config.canonical(), net.exportFlat(), adam.exportState(),
        adam.stepCount(), rng.state(), updates).write(file);
  }

  /**
   * Samples actions for {@code batch} rows of observations ({@code batch * observationSize}
   * floats, row-major) under their masks ({@code batch * logitCount} flags, true = allowed;
   * null allows every action). A masked action is never chosen.
   */
  public ActionBatch act(float[] observations, boolean[] masks, int batch) {
    int stride = forward(observations, masks, batch);
    int[] actions = new int[batch * heads.headCount()];
    float[] logProbs = new float[batch];
    heads.sample(outputs, stride, masks, batch, rng, actions, logProbs);
    return new ActionBatch(batch, heads.headCount(), actions, logProbs, values(stride, batch));
  }

  /** The most probable allowed action of each head, for evaluation; draws no random numbers. */
  public ActionBatch actGreedy(float[] observations, boolean[] masks, int batch) {
    int stride = forward(observations, masks, batch);
    int[] actions = new int[batch * heads.headCount()];
    heads.argmax(outputs, stride, masks, batch, actions);
    return new ActionBatch(batch, heads.headCount(), actions, new float[batch],
        values(stride, batch));
  }

  /** Value estimates only (for bootstrapping the end of a rollout). */
  public float[] values(float[] observations, int batch) {
    return values(forward(observations, null, batch), batch);
  }

  /**
   * One PPO update over a finished rollout; then clear it for the next one. Serialized with
   * every other update in this JVM (PyTorch allows one gradient collector at a time).
   */
  public UpdateStats update(RolloutBuffer rollout) {
    return update(rollout, 0);
  }

  /**
   * A PPO update whose loss also holds {@code teacherWeight} times the negative log-likelihood
   * of the teacher's actions recorded in the rollout (kickstarting): the policy stays near the
   * teacher unless the advantages pull it away. 0 is a plain PPO update.
   *
   * @throws IllegalArgumentException if the weight is positive and a step has no teacher actions
   */
  public UpdateStats update(RolloutBuffer rollout, double teacherWeight) {
    UpdateStats s = updater.update(rollout, updates, rng, teacherWeight);
    updates++;
    return s;
  }

  /**
   * One imitation update over a finished rollout whose actions are a teacher's (behaviour
   * cloning, with the critic fitted to the rollout's returns); counts as an update for the
   * learning-rate schedule. A warm start for PPO from a known rule.
   */
  public UpdateStats imitate(RolloutBuffer rollout) {
    UpdateStats s = updater.imitate(rollout, updates, rng);
    updates++;
    return s;
  }

  /** All network parameters as one vector (fixed order), e.g. for federated averaging. */
  public float[] parameters() {
    return net.exportFlat();
  }

  /**
   * Replaces every network parameter from a vector of {@link #parameterCount()} floats. The
   * optimizer's moments are kept, as local Adam state is across federated rounds.
   */
  public void setParameters(float[] flat) {
    net.importFlat(flat);
  }

  public int parameterCount() {
    return net.parameterCount();
  }

  /** Updates done so far (drives the learning-rate schedule). */
  public long updates() {
    return updates;
  }

  public PpoConfig config() {
    return config;
  }

  /** Runs the networks; leaves logits and value of row r at {@code outputs[r * stride ...]}. */
  private int forward(float[] observations, boolean[] masks, int batch) {
    int obsSize = config.observationSize();
    if (batch <= 0 || observations.length != batch * obsSize) {
      throw new IllegalArgumentException("observations has " + observations.length
          + " floats, expected " + batch + " rows x " + obsSize);
    }
    heads.validate(masks, batch);
    for (int i = 0; i < observations.length; i++) {
      if (!Float.isFinite(observations[i])) {
        throw new IllegalArgumentException("observation row " + i / obsSize + " feature "
            + i % obsSize + " is " + observations[i] + ": every feature must be finite");
      }
    }
    ActorCritic.gradModeOffOnThisThread();
    int stride = heads.width() + 1;
    if (outputs.length < batch * stride) {
      outputs = new float[batch * stride];
    }
    try (NDManager sub = manager.newSubManager()) {
      NDArray x = obsIn.array(sub, new Shape(batch, obsSize), observations, 0, batch * obsSize);
      NDArray[] out = net.forward(x, false);
      NDArray joined = out[0].concat(out[1].reshape(batch, 1), 1);
      // A view on the tensor's memory, read before the sub-manager frees it: no copy, no garbage.
      FloatBuffer view = joined.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
      view.get(outputs, 0, batch * stride);
    }
    for (int i = 0; i < batch * stride; i++) {
      if (!Float.isFinite(outputs[i])) {
        // finite inputs, so the weights are not: say so rather than sample from NaN
        throw new IllegalStateException("network output row " + i / stride + " is " + outputs[i]
            + " for finite observations: the weights are not finite (after update " + updates + ")");
      }
    }
    return stride;
  }

  private float[] values(int stride, int batch) {
    float[] v = new float[batch];
    for (int r = 0; r < batch; r++) {
      v[r] = outputs[r * stride + stride - 1];
    }
    return v;
  }

  @Override
  public void close() {
    adam.close();
    net.close();
    manager.close();
  }
}
