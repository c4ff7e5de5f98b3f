/**
 * Proximal policy optimization on DJL (PyTorch, CPU): arrays in, arrays out.
 *
 * <p>{@link org.dpem.learning.ppo.PpoConfig} holds every hyperparameter (defaults: Stable-
 * Baselines3's PPO). {@link org.dpem.learning.ppo.PpoAgent} decides for a batch of rows in one
 * forward call ({@code act}, or {@code actGreedy} for evaluation) under per-row action masks over
 * a multi-discrete action (one categorical per head); a masked action is never sampled, and the
 * update's log-probabilities and entropy use the same masks. A training loop:
 *
 * <pre>{@code
 * try (PpoAgent agent = PpoAgent.create(config)) {
 *   RolloutBuffer rollout = new RolloutBuffer(config, agents);
 *   while (training) {
 *     rollout.clear();
 *     while (!rollout.isFull()) {
 *       ActionBatch chosen = agent.act(obs, masks, agents);
 *       // apply chosen.action(row, head) to the environment, observe rewards and dones
 *       rollout.add(obs, masks, chosen, rewards, dones);
 *       obs = nextObs;
 *     }
 *     rollout.finish(agent.values(obs, agents));
 *     UpdateStats stats = agent.update(rollout);
 *   }
 *   agent.save(checkpointFile); // PpoAgent.load(checkpointFile, config) resumes exactly
 * }
 * }</pre>
 *
 * <p>Resume is bit-exact: a checkpoint holds the parameters, Adam's moments and step, the state
 * of the one random stream (initialization, sampling, shuffling), the update count and the
 * config hash, and loading under a different config is refused. {@code parameters()} and
 * {@code setParameters(float[])} move the whole network as one vector, for federated averaging.
 * An agent is used by one thread at a time; updates of all agents in a JVM are serialized,
 * because PyTorch allows one gradient collector at a time.
 */
package org.dpem.learning.ppo;
