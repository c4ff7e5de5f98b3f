/**
 * Optional packet signing for FWP/1: HMAC-SHA256 truncated to 128 bits over the header, payload,
 * key id and a strictly increasing 64-bit counter, with replay rejection per key id and sender.
 */
package org.dpem.protocol.signing;
