/**
 * FWP/1, the firmware protocol shared by the host and device firmware: packet layout
 * ({@link org.dpem.protocol.Header}, {@link org.dpem.protocol.PacketCodec}), integrity
 * ({@link org.dpem.protocol.Crc32c} plus a per-message schema byte), serial framing
 * ({@link org.dpem.protocol.Cobs}, {@link org.dpem.protocol.FrameDecoder},
 * {@link org.dpem.protocol.FrameEncoder}). The message set lives in
 * {@link org.dpem.protocol.message}, signing in {@link org.dpem.protocol.signing}. The normative
 * description is {@code firmware-protocol/PROTOCOL.md}; this package depends on the JDK only.
 */
package org.dpem.protocol;
