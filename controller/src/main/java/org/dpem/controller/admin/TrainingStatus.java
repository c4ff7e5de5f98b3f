package org.dpem.controller.admin;

/**
 * Training progress.
 *
 * @param state {@code imitating} (the warm start: acting by the teacher), {@code learning}
 *     (online PPO) or {@code evaluating} (a trained checkpoint, no updates)
 * @param steps environment steps (epochs) decided so far
 * @param updates policy updates so far, those of the checkpoint included
 * @param evalDeliveryRate the running controller's delivery rate so far, in [0, 1]
 */
public record TrainingStatus(String state, long steps, long updates, double evalDeliveryRate) {}
