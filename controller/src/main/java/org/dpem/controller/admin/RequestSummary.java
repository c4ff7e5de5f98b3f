package org.dpem.controller.admin;

/**
 * A request and where it stands.
 *
 * @param id request id
 * @param source source node
 * @param destination destination node
 * @param minFidelity fidelity floor
 * @param pairs pairs requested
 * @param delivered pairs delivered so far
 * @param state {@code queued}, {@code allocated}, {@code delivered}, {@code expired},
 *     {@code failed} or {@code rejected}
 * @param reason why it was rejected (e.g. {@code cancelled}), or empty
 * @param arrivalSeconds controller time it arrived
 * @param deadlineSeconds controller time at which it expires
 */
public record RequestSummary(String id, String source, String destination, double minFidelity, int pairs,
    int delivered, String state, String reason, double arrivalSeconds, double deadlineSeconds) {}
