package org.dpem.learning.privacy;

/**
 * An (epsilon, delta) guarantee and the Renyi order that gave it.
 *
 * @param epsilon epsilon, possibly {@code +Infinity} (no guarantee)
 * @param delta delta
 * @param order the order whose RDP converts to the smallest epsilon ({@code NaN} when none does)
 */
public record PrivacySpent(double epsilon, double delta, double order) {}
