package org.dpem.controller.admin;

/**
 * Training progress.
 *
 * @param state {@code idle}, {@code running} or {@code done}
 * @param steps environment steps so far
 * @param updates policy updates so far
 * @param evalDeliveryRate last evaluation delivery rate, in [0, 1]
 */
public record TrainingStatus(String state, long steps, long updates, double evalDeliveryRate) {}
