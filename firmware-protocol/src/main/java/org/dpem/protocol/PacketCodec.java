package org.dpem.protocol;

import org.dpem.protocol.message.MalformedPayloadException;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.MessageCodec;
import org.dpem.protocol.message.MessageType;
import org.dpem.protocol.message.Schema;
import org.dpem.protocol.signing.SignatureBlock;
import org.dpem.protocol.signing.SignatureVerifier;
import org.dpem.protocol.signing.Signer;

/**
 * Encodes messages to FWP/1 packets and decodes packets to messages. A packet is
 * {@code header(12) | payload(payload_len) | [signature block(25)] | crc32c(4, LE)}; the CRC covers
 * every byte before it followed by the message's schema byte. The same packet bytes travel as MQTT
 * payloads and, COBS-framed, on serial links ({@link FrameEncoder}, {@link FrameDecoder}).
 *
 * <p>Decoding never throws for bad input: it returns a {@link DecodeResult.Rejected} with the
 * reason and the field or byte at fault. Thread-safe if the signer and verifier are (they are).
 */
public final class PacketCodec {
  /** Largest payload in bytes; keeps every packet within the default frame limit. */
  public static final int MAX_PAYLOAD = 960;
  /** Size of the CRC trailer. */
  public static final int CRC_SIZE = 4;
  /** Smallest possible packet: header, empty payload, CRC. */
  public static final int MIN_PACKET = Header.SIZE + CRC_SIZE;
  /** Largest possible packet: header, largest payload, signature block, CRC. */
  public static final int MAX_PACKET = Header.SIZE + MAX_PAYLOAD + SignatureBlock.SIZE + CRC_SIZE;

  private final Signer signer;
  private final SignatureVerifier verifier;
  private final boolean requireSigned;

  /** A codec that sends unsigned packets and rejects signed ones (it has no keys). */
  public PacketCodec() {
    this(null, null, false);
  }

  /**
   * @param signer signs every outgoing packet, or null to send unsigned packets
   * @param verifier checks signed incoming packets, or null to reject them as UNKNOWN_KEY
   * @param requireSigned whether unsigned incoming packets are rejected as UNSIGNED
   */
  public PacketCodec(Signer signer, SignatureVerifier verifier, boolean requireSigned) {
    if (requireSigned && verifier == null) {
      throw new IllegalArgumentException("requiring signed packets needs a verifier");
    }
    this.signer = signer;
    this.verifier = verifier;
    this.requireSigned = requireSigned;
  }

  /** The packet size of {@code m} with this codec's signing setting. */
  public int packetSize(Message m) {
    return Header.SIZE + MessageCodec.payloadSize(m) + (signer != null ? SignatureBlock.SIZE : 0)
        + CRC_SIZE;
  }

  /** Encodes {@code m} from {@code src} to {@code dst} with sequence number {@code seq}. */
  public byte[] encode(int src, int dst, long seq, Message m) {
    return encode(src, dst, seq, 0, m);
  }

  /**
   * Encodes {@code m} with the given compatible flags.
   *
   * @throws IllegalArgumentException if an address or seq is out of range or the payload exceeds
   *     {@link #MAX_PAYLOAD} (split long telemetry over several messages)
   */
  public byte[] encode(int src, int dst, long seq, int compatFlags, Message m) {
    int payloadLen = checkedPayloadSize(m);
    byte[] out = new byte[Header.SIZE + payloadLen + (signer != null ? SignatureBlock.SIZE : 0)
        + CRC_SIZE];
    write(src, dst, seq, compatFlags, m, payloadLen, out, 0);
    return out;
  }

  /**
   * Encodes {@code m} into {@code out} at {@code off}, which needs {@link #packetSize} bytes.
   *
   * @return the packet length
   */
  public int encodeInto(int src, int dst, long seq, int compatFlags, Message m, byte[] out,
      int off) {
    return write(src, dst, seq, compatFlags, m, checkedPayloadSize(m), out, off);
  }

  private static int checkedPayloadSize(Message m) {
    int payloadLen = MessageCodec.payloadSize(m);
    if (payloadLen > MAX_PAYLOAD) {
      throw new IllegalArgumentException(m.type() + " payload is " + payloadLen
          + " bytes, at most " + MAX_PAYLOAD + " allowed");
    }
    return payloadLen;
  }

  private int write(int src, int dst, long seq, int compatFlags, Message m, int payloadLen,
      byte[] out, int off) {
    MessageType type = m.type();
    int incompat = signer != null ? Flags.INCOMPAT_SIGNED : 0;
    new Header(Schema.PROTOCOL_VERSION, incompat, compatFlags, src, dst, type.id(), seq, payloadLen)
        .write(out, off);
    int p = MessageCodec.write(m, out, off + Header.SIZE);
    if (signer != null) {
      signer.sign(out, off, p);
      p += SignatureBlock.SIZE;
    }
    int crc = Crc32c.withSchemaByte(out, off, p - off, type.schemaByte());
    LittleEndian.putI32(out, p, crc);
    return p + CRC_SIZE - off;
  }

  /** Decodes a whole packet. */
  public DecodeResult decode(byte[] packet) {
    return decode(packet, 0, packet.length);
  }

  /** Decodes the packet in {@code len} bytes of {@code buf} from {@code off}. */
  public DecodeResult decode(byte[] buf, int off, int len) {
    if (len < MIN_PACKET) {
      return new DecodeResult.Rejected(RejectReason.TOO_SHORT,
          "packet is " + len + " bytes, at least " + MIN_PACKET + " needed", null);
    }
    Header h = Header.read(buf, off);
    if (h.version() != Schema.PROTOCOL_VERSION) {
      return reject(RejectReason.UNSUPPORTED_VERSION,
          "header version " + h.version() + ", expected " + Schema.PROTOCOL_VERSION, h);
    }
    int unknown = h.incompatFlags() & ~Flags.INCOMPAT_KNOWN;
    if (unknown != 0) {
      return reject(RejectReason.UNKNOWN_INCOMPAT_FLAG,
          String.format("incompat_flags 0x%02x has unknown bits 0x%02x", h.incompatFlags(), unknown),
          h);
    }
    if (h.payloadLen() > MAX_PAYLOAD) {
      return reject(RejectReason.BAD_LENGTH,
          "payload_len " + h.payloadLen() + " exceeds " + MAX_PAYLOAD, h);
    }
    int sigLen = h.signed() ? SignatureBlock.SIZE : 0;
    int expected = Header.SIZE + h.payloadLen() + sigLen + CRC_SIZE;
    if (len < expected) {
      return reject(RejectReason.TRUNCATED, "packet is " + len + " bytes, payload_len "
          + h.payloadLen() + (sigLen > 0 ? " with signature" : "") + " needs " + expected, h);
    }
    if (len > expected) {
      return reject(RejectReason.BAD_LENGTH, "packet is " + len + " bytes, payload_len "
          + h.payloadLen() + (sigLen > 0 ? " with signature" : "") + " needs " + expected, h);
    }
    MessageType type = MessageType.fromId(h.msgId());
    if (type == null) {
      return reject(RejectReason.UNKNOWN_MESSAGE, "msg_id " + h.msgId() + " is not defined", h);
    }
    int crcAt = off + expected - CRC_SIZE;
    int want = Crc32c.withSchemaByte(buf, off, expected - CRC_SIZE, type.schemaByte());
    int got = LittleEndian.i32(buf, crcAt);
    if (want != got) {
      return reject(RejectReason.BAD_CRC, String.format(
          "%s crc 0x%08x, computed 0x%08x", type, got, want), h);
    }
    Packet.Signature sig = null;
    int payloadAt = off + Header.SIZE;
    if (h.signed()) {
      int block = payloadAt + h.payloadLen();
      if (verifier == null) {
        return reject(RejectReason.UNKNOWN_KEY,
            "signed packet (key id " + (buf[block] & 0xFF) + ") but no keys configured", h);
      }
      RejectReason why = verifier.verify(buf, off, block, h.src());
      long counter = LittleEndian.i64(buf, block + SignatureBlock.COUNTER_OFFSET);
      int keyId = buf[block] & 0xFF;
      if (why != null) {
        return reject(why, "key id " + keyId + ", counter " + Long.toUnsignedString(counter)
            + ", src " + h.src(), h);
      }
      sig = new Packet.Signature(keyId, counter);
    } else if (requireSigned) {
      return reject(RejectReason.UNSIGNED, type + " from src " + h.src() + " is not signed", h);
    }
    try {
      Message m = MessageCodec.read(type, buf, payloadAt, h.payloadLen());
      return new DecodeResult.Accepted(new Packet(h, m, sig));
    } catch (MalformedPayloadException e) {
      return reject(RejectReason.BAD_PAYLOAD, e.getMessage(), h);
    }
  }

  private static DecodeResult.Rejected reject(RejectReason r, String detail, Header h) {
    return new DecodeResult.Rejected(r, detail, h);
  }
}
