package org.dpem.controller.operator;

/**
 * A request as an operator writes it.
 *
 * @param source source node id
 * @param destination destination node id
 * @param minFidelity fidelity floor
 * @param pairs pairs wanted
 * @param deadlineSeconds time from now to the deadline
 * @param priority larger wins contention
 */
public record SubmitSpec(String source, String destination, double minFidelity, int pairs,
    double deadlineSeconds, int priority) {}
