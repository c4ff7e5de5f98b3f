package org.dpem.controller.operator;

/**
 * @param requestId the id given to the request
 * @param accepted whether it was admitted
 * @param reason why not (empty if accepted), e.g. {@code node-drained}
 * @param detail a human-readable explanation
 */
public record SubmitResult(long requestId, boolean accepted, String reason, String detail) {}
