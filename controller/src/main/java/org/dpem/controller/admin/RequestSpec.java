package org.dpem.controller.admin;

/**
 * An operator's entanglement request, already validated by the socket.
 *
 * @param source source node id
 * @param destination destination node id (differs from source)
 * @param minFidelity fidelity floor, in (0.25, 1]
 * @param pairs pairs wanted, at least 1
 * @param deadlineSeconds seconds from submission until the request expires, above 0
 */
public record RequestSpec(String source, String destination, double minFidelity, int pairs,
    double deadlineSeconds) {}
