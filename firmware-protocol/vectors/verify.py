#!/usr/bin/env python3
"""Independent check of the FWP/1 golden vectors (golden.json), standard library only.

Implements CRC-32C (table-driven, reflected polynomial 0x82F63B78) and canonical COBS from
scratch, plus the header layout and HMAC-SHA256-128 signature check, and verifies every
vector: crc32c and cobs vectors exactly, and for each frame the COBS framing, the header
fields, the length rule and the CRC (with the per-message schema byte) where the vector says
the packet is intact. Usage: verify.py [golden.json]. Exit status 0 when all vectors pass.
"""
import hashlib
import hmac
import json
import struct
import sys

# Schema byte per message id (PROTOCOL.md, "Message ids and schema bytes").
SCHEMA_BYTE = {
    0x01: 0x4D,  # HELLO
    0x02: 0x8A,  # DEVICE_INFO
    0x03: 0xAB,  # PARAM_DESCRIPTOR
    0x04: 0x80,  # HEARTBEAT
    0x10: 0xD1,  # COMMAND
    0x11: 0xEC,  # COMMAND_ACK
    0x12: 0xA3,  # CANCEL
    0x20: 0x17,  # TELEMETRY
    0x21: 0x4A,  # HERALD
    0x22: 0x63,  # SWAP_OUTCOME
    0x23: 0xB7,  # PAIR_DELIVERED
    0x30: 0x50,  # TIME_SYNC
    0x40: 0xD1,  # FAULT
    0x41: 0x74,  # FAULT_ACK
    0x7F: 0x00,  # PROTOCOL_ERROR
}
TEST_KEYS = {1: bytes(range(32))}  # the published test key; never use it on real equipment
HEADER = struct.Struct("<BBBBBBIH")
SIG_BLOCK = 25
MAX_PAYLOAD = 960
MAX_FRAME = 1024


def _make_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        table.append(c)
    return table


_TABLE = _make_table()


def crc32c(data, crc=0):
    crc ^= 0xFFFFFFFF
    for b in data:
        crc = _TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def cobs_encode(data):
    """Canonical COBS, written per segment: split at zeros; each segment becomes 0xFF blocks of
    254 bytes plus a final block of (remainder + 1); only the last segment omits that final
    block when it is non-empty and an exact multiple of 254 bytes."""
    segments = bytes(data).split(b"\x00")
    out = bytearray()
    for n, seg in enumerate(segments):
        full, rest = divmod(len(seg), 254)
        for k in range(full):
            out.append(0xFF)
            out += seg[k * 254:(k + 1) * 254]
        last = n == len(segments) - 1
        if last and full > 0 and rest == 0:
            continue
        out.append(rest + 1)
        out += seg[full * 254:]
    return bytes(out)


def cobs_decode(enc):
    if not enc:
        raise ValueError("empty COBS input")
    out = bytearray()
    i = 0
    prev = 0
    while i < len(enc):
        code = enc[i]
        if code == 0:
            raise ValueError("zero byte inside COBS data")
        end = i + code
        if end > len(enc):
            raise ValueError("COBS block runs past the end")
        if end == len(enc) and code == 1 and prev == 0xFF:
            raise ValueError("non-canonical empty final block")
        block = enc[i + 1:end]
        if 0 in block:
            raise ValueError("zero byte inside COBS data")
        out += block
        i = end
        if code != 0xFF and i < len(enc):
            out.append(0)
        prev = code
    return bytes(out)


def check(cond, name, what):
    if not cond:
        raise AssertionError("%s: %s" % (name, what))


def verify_frame(v, name):
    packet = bytes.fromhex(v["packet_hex"])
    wire = bytes.fromhex(v["wire_hex"])
    check(wire.endswith(b"\x00") and b"\x00" not in wire[:-1], name, "wire is not one frame")
    check(cobs_encode(packet) == wire[:-1], name, "COBS encoding differs")
    check(cobs_decode(wire[:-1]) == packet, name, "COBS decoding differs")
    check(len(packet) >= HEADER.size, name, "shorter than a header")
    version, incompat, compat, src, dst, msg_id, seq, payload_len = HEADER.unpack_from(packet)
    fields = dict(version=version, incompat_flags=incompat, compat_flags=compat, src=src,
                  dst=dst, msg_id=msg_id, seq=seq, payload_len=payload_len)
    check(fields == v["fields"], name, "header fields %r != %r" % (fields, v["fields"]))
    reason = v.get("reject_reason")
    signed = bool(incompat & 1)
    expected_len = HEADER.size + payload_len + (SIG_BLOCK if signed else 0) + 4
    intact = v["valid"] or reason in ("UNKNOWN_INCOMPAT_FLAG", "BAD_PAYLOAD", "BAD_SIGNATURE",
                                      "REPLAY", "UNSUPPORTED_VERSION", "FRAME_TOO_LONG",
                                      "BAD_LENGTH")
    if v["valid"]:
        check(version == 1 and incompat & ~1 == 0, name, "valid frame with bad version/flags")
        check(len(packet) == expected_len, name, "length does not match payload_len")
        check(payload_len <= MAX_PAYLOAD, name, "payload too long")
        check(len(wire) - 1 <= MAX_FRAME, name, "frame too long")
    if reason == "TRUNCATED":
        check(len(packet) < expected_len, name, "not truncated")
    if reason == "BAD_LENGTH":
        check(len(packet) > expected_len or payload_len > MAX_PAYLOAD, name, "length is fine")
    if reason == "FRAME_TOO_LONG":
        check(len(wire) - 1 > MAX_FRAME, name, "frame is not too long")
    if reason == "UNKNOWN_INCOMPAT_FLAG":
        check(incompat & ~1 != 0, name, "no unknown incompatible bit")
    if reason == "UNKNOWN_MESSAGE":
        check(msg_id not in SCHEMA_BYTE, name, "message id is known")
    if msg_id in SCHEMA_BYTE and (intact or reason == "BAD_CRC"):
        body = packet[:-4]
        want = crc32c(bytes([SCHEMA_BYTE[msg_id]]), crc32c(body))
        got = struct.unpack_from("<I", packet, len(packet) - 4)[0]
        if reason == "BAD_CRC":
            check(got != want, name, "CRC matches although the vector says BAD_CRC")
        else:
            check(got == want, name, "CRC 0x%08x, expected 0x%08x" % (got, want))
    if signed and (v["valid"] or reason in ("BAD_SIGNATURE", "REPLAY")):
        block = HEADER.size + payload_len
        key_id = packet[block]
        mac = hmac.new(TEST_KEYS[key_id], packet[:block + 9], hashlib.sha256).digest()[:16]
        ok = hmac.compare_digest(mac, packet[block + 9:block + 25])
        check(ok == (reason != "BAD_SIGNATURE"), name, "signature check disagrees")
        return key_id, src, struct.unpack_from("<Q", packet, block + 1)[0], ok
    return None


def check_schema_doc(vectors_path):
    """Recompute the schema bytes and the hash from the schema text in PROTOCOL.md."""
    import os
    doc = os.path.join(os.path.dirname(os.path.abspath(vectors_path)), "..", "PROTOCOL.md")
    if not os.path.exists(doc):
        return "PROTOCOL.md not found, schema text not checked"
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    begin = text.index("<!-- schema-text:begin -->\n```\n") + len("<!-- schema-text:begin -->\n```\n")
    end = text.index("```\n<!-- schema-text:end -->")
    schema = text[begin:end]
    declared = text.split("Schema hash of this version: `0x", 1)[1][:8]
    got = "%08x" % crc32c(schema.encode("utf-8"))
    check(got == declared, "PROTOCOL.md", "schema hash %s, document says %s" % (got, declared))
    for line in schema.splitlines()[1:]:
        head, _, layout = line.partition(" ")
        if not head.isdigit():
            continue
        c = crc32c(layout.encode("utf-8"))
        b = (c ^ c >> 8 ^ c >> 16 ^ c >> 24) & 0xFF
        check(SCHEMA_BYTE.get(int(head)) == b, "PROTOCOL.md",
              "schema byte of %s is 0x%02X, table says %r" % (layout.split()[0], b,
                                                              SCHEMA_BYTE.get(int(head))))
    return "schema text, hash 0x%s and %d schema bytes OK" % (got, len(SCHEMA_BYTE))


def main(path):
    print(check_schema_doc(path))
    with open(path, encoding="utf-8") as f:
        vectors = json.load(f)
    last_counter = {}
    for v in vectors:
        name, kind = v["name"], v["kind"]
        if kind == "crc32c":
            got = "%08x" % crc32c(bytes.fromhex(v["input_hex"]))
            check(got == v["crc_hex"], name, "crc %s != %s" % (got, v["crc_hex"]))
        elif kind == "cobs":
            data = bytes.fromhex(v["input_hex"])
            enc = bytes.fromhex(v["encoded_hex"])
            check(cobs_encode(data).hex() == v["encoded_hex"], name, "encoding differs")
            check(cobs_decode(enc) == data, name, "decoding differs")
        elif kind == "frame":
            sig = verify_frame(v, name)
            if sig is not None and sig[3]:
                key_id, src, counter, _ = sig
                last = last_counter.get((key_id, src))
                fresh = last is None or counter > last
                check(fresh == (v.get("reject_reason") != "REPLAY"), name,
                      "replay rule disagrees (counter %d, last %s)" % (counter, last))
                if fresh:
                    last_counter[(key_id, src)] = counter
        else:
            raise AssertionError("%s: unknown kind %r" % (name, kind))
    print("all %d vectors OK" % len(vectors))


if __name__ == "__main__":
    try:
        main(sys.argv[1] if len(sys.argv) > 1 else "golden.json")
    except (AssertionError, ValueError, KeyError) as e:
        print("FAIL", e)
        sys.exit(1)
