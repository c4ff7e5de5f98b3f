package org.dpem.controller.loop;

/**
 * An operator's switch of the allocation policy, as it took effect.
 *
 * @param epoch the epoch at which the switch was made (the new policy decides from the next one)
 * @param timeSeconds time-base time of the switch
 * @param from the policy in force before
 * @param to the policy in force after
 */
public record PolicyChange(long epoch, double timeSeconds, String from, String to) {}
