package org.dpem.controller.federation;

/**
 * Federation traffic of one transport.
 *
 * @param messagesSent messages published
 * @param payloadBytesSent bytes of those messages' payloads
 * @param rejected messages received and dropped: bad format, unknown key, bad signature, replay,
 *     or a sender whose key is not its own
 */
public record TransportStats(long messagesSent, long payloadBytesSent, long rejected) {}
