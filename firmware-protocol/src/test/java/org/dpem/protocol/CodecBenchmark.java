package org.dpem.protocol;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.MessageCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of FWP/1 on one core for a frame with a 64-byte payload (a three-reading
 * TELEMETRY): decoding a serial frame (COBS, length checks, CRC-32C with schema byte, payload
 * parse), decoding a bare packet (the MQTT path), and encoding both ways. Target: 2 million
 * frames/s each. Run with {@code firmware-protocol/bench.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecBenchmark {
  private final PacketCodec codec = new PacketCodec();
  private final FrameEncoder encoder = new FrameEncoder(codec);
  private Message message;
  private byte[] packet;
  private byte[] wire;
  private FrameDecoder decoder;
  private Packet last;
  private long seq;

  @Setup
  public void setup() {
    message = new Message.Telemetry(123_456_789L, List.of(
        new Message.Reading("rate", 7.25),
        new Message.Reading("temperature_k", 3.95),
        new Message.Reading("free_slot_n", 12)));
    int payload = MessageCodec.payloadSize(message);
    if (payload != 64) {
      throw new IllegalStateException("benchmark payload is " + payload + " bytes, not 64");
    }
    packet = codec.encode(3, Addresses.HOST, 1, message);
    wire = FrameEncoder.frame(packet);
    decoder = new FrameDecoder(codec, p -> last = p);
  }

  /** Serial receive path: one framed packet through the streaming decoder. */
  @Benchmark
  public Packet decodeFrame() {
    decoder.feed(wire, 0, wire.length);
    if (last == null) {
      throw new IllegalStateException("frame rejected: " + decoder.counters());
    }
    Packet p = last;
    last = null;
    return p;
  }

  /** MQTT receive path: one bare packet through the codec. */
  @Benchmark
  public DecodeResult decodePacket() {
    return codec.decode(packet);
  }

  /** MQTT send path: message to packet bytes. */
  @Benchmark
  public byte[] encodePacket() {
    return codec.encode(3, Addresses.HOST, ++seq & 0xFFFF_FFFFL, message);
  }

  /** Serial send path: message to framed wire bytes. */
  @Benchmark
  public byte[] encodeFrame() {
    return encoder.encode(3, Addresses.HOST, ++seq & 0xFFFF_FFFFL, message);
  }
}
