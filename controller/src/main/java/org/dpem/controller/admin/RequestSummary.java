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
 * @param deadlineSeconds controller time at which it expires
 * @param state e.g. {@code pending}, {@code active}, {@code delivered}, {@code expired},
 *     {@code failed}, {@code cancelled}
 * @param origin {@code operator}, {@code workload} or {@code trace}
 */
public record RequestSummary(String id, String source, String destination, double minFidelity, int pairs,
    int delivered, double deadlineSeconds, String state, String origin) {}
