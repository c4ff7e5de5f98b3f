/**
 * The FWP/1 message set: {@link org.dpem.protocol.message.Message} and its records, the command
 * {@link org.dpem.protocol.message.Operation}s, the wire enums with stable numeric codes, and the
 * payload codec. Field encodings: integers little-endian, {@code f64} IEEE 754 binary64,
 * {@code bool} one byte 0 or 1, {@code str8} a u8 byte length then that many bytes of UTF-8.
 */
package org.dpem.protocol.message;
