package org.dpem.controller.operator;

/**
 * @param id request id
 * @param source source node
 * @param destination destination node
 * @param minFidelity floor
 * @param pairs pairs asked
 * @param delivered pairs delivered
 * @param state state name
 * @param reason reject reason, or empty
 * @param arrivalSeconds time-base arrival
 * @param deadlineSeconds time-base deadline
 * @param allocation serving allocation id, or 0
 */
public record RequestInfo(long id, String source, String destination, double minFidelity,
    int pairs, int delivered, String state, String reason, double arrivalSeconds,
    double deadlineSeconds, long allocation) {}
