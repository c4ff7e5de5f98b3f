package org.dpem.sim.firmware;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.dpem.driver.DriverFactory;
import org.dpem.driver.DriverSpec;
import org.dpem.driver.Endpoint;
import org.dpem.driver.RemoteDevice;
import org.dpem.driver.WireMapping;
import org.dpem.driver.transport.BrokerAccess;
import org.dpem.driver.transport.EmbeddedBroker;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.driver.transport.PtyPair;
import org.dpem.driver.transport.SerialSettings;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.protocol.FrameDecoder;
import org.dpem.protocol.FrameEncoder;
import org.dpem.protocol.PacketCodec;
import org.dpem.protocol.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Driver benchmarks with real parts; run with
 * {@code mvn -o -q -B -pl simulator-hal test -Dtest=DriverBench -Ddpem.bench=true}.
 * Prints command round trip p50/p99 over a socat pty and through the embedded broker, and
 * telemetry ingest in frames/s (decode + event mapping in memory, and through a pty).
 * Figures are medians of several rounds; the machine is shared, so expect noise.
 */
@EnabledIfSystemProperty(named = "dpem.bench", matches = "true")
class DriverBench {
  static final int WARMUP = 1000;
  static final int N = 3000;
  static final int ROUNDS = 3;

  @Test
  void run() throws Exception {
    Hil.quietLogs();
    Path dir = Files.createTempDirectory("dpem-bench");
    try (WallClockTimeBase time = new WallClockTimeBase()) {
      ptyRoundTrip(dir, time);
      mqttRoundTrip(time);
      ingestInMemory();
      ingestOverPty(dir, time);
    }
  }

  private static void ptyRoundTrip(Path dir, WallClockTimeBase time) throws Exception {
    try (PtyPair pty = PtyPair.start(dir.resolve("h"), dir.resolve("d"))) {
      var bench = BenchDevices.create(DeviceKind.SOURCE, "b-src", "n", time);
      try (VirtualFirmware fw = VirtualFirmware.serial(bench,
              new SerialSettings(pty.b(), 115200, dir, Duration.ofMillis(50)),
              FirmwareConfig.defaults().withTelemetryInterval(Duration.ofSeconds(1)), time).start();
          DriverFactory f = benchFactory(time)) {
        RemoteDevice d = f.open(DriverSpec.of("b-src", "n", DeviceKind.SOURCE,
            new Endpoint.Serial(pty.a(), 115200)), Duration.ofSeconds(20));
        try {
          report("pty round trip", roundTrips(d, time));
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + " (socat alive: " + pty.isAlive() + ")", e);
        }
        d.close();
      }
    }
  }

  private static void mqttRoundTrip(WallClockTimeBase time) throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, BrokerAccess.anyone())) {
      var bench = BenchDevices.create(DeviceKind.SOURCE, "m-src", "n", time);
      try (VirtualFirmware fw = VirtualFirmware.mqtt(bench, MqttSettings.of(broker.url(), "fw-bench"),
              "bench", FirmwareConfig.defaults().withTelemetryInterval(Duration.ofSeconds(1)), time).start();
          DriverFactory f = benchFactory(time)) {
        RemoteDevice d = f.open(DriverSpec.of("m-src", "n", DeviceKind.SOURCE,
            Endpoint.Mqtt.of(broker.url(), "bench")), Duration.ofSeconds(20));
        report("mqtt (embedded broker) round trip", roundTrips(d, time));
        d.close();
      }
    }
  }

  /**
   * Round trips measure the link, not the watchdog: on a loaded shared machine heartbeats can lag
   * past the controller default of 500 ms, so the bench uses the protocol's suggested 3 s.
   */
  private static DriverFactory benchFactory(WallClockTimeBase time) {
    var c = new org.dpem.driver.session.SessionConfig("bench", 1, Duration.ofMillis(100),
        Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(200), Duration.ofMillis(500), 3, true,
        Duration.ofSeconds(10));
    return new DriverFactory(time, c, org.dpem.driver.transport.MqttPacketPort.Role.HOST);
  }

  /** Median over rounds of p50 and p99, in microseconds. */
  private static double[][] roundTrips(RemoteDevice d, WallClockTimeBase time) throws Exception {
    double[][] out = new double[ROUNDS][];
    int v = 0;
    for (int i = 0; i < WARMUP; i++) {
      one(d, time, 100 + (v++ & 1));
    }
    for (int r = 0; r < ROUNDS; r++) {
      long[] lat = new long[N];
      for (int i = 0; i < N; i++) {
        long t0 = System.nanoTime();
        CommandResult res = one(d, time, 100 + (v++ & 1));
        lat[i] = System.nanoTime() - t0;
        if (!res.isOk()) {
          throw new AssertionError("command failed during benchmark: " + res);
        }
      }
      Arrays.sort(lat);
      out[r] = new double[] {lat[N / 2] / 1e3, lat[(int) (N * 0.99)] / 1e3};
    }
    return out;
  }

  private static CommandResult one(RemoteDevice d, WallClockTimeBase time, double rate) throws Exception {
    return d.submit(new SetParameter(AllocationId.NONE, time.nowNanos() + TimeUnit.SECONDS.toNanos(5),
        "rate", rate)).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static void report(String what, double[][] rounds) {
    double[] p50 = Arrays.stream(rounds).mapToDouble(x -> x[0]).sorted().toArray();
    double[] p99 = Arrays.stream(rounds).mapToDouble(x -> x[1]).sorted().toArray();
    System.out.printf(Locale.ROOT, "BENCH %s: p50 %.0f us, p99 %.0f us (median of %d rounds of %d; "
        + "rounds p50 %s p99 %s)%n", what, p50[p50.length / 2], p99[p99.length / 2], ROUNDS, N,
        Arrays.toString(p50), Arrays.toString(p99));
  }

  private static byte[] telemetryStream(int frames) {
    PacketCodec codec = new PacketCodec();
    List<Message.Reading> r = List.of(new Message.Reading("enabled", 1), new Message.Reading("rate", 1e5),
        new Message.Reading("fidelity", 0.97));
    java.io.ByteArrayOutputStream s = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < frames; i++) {
      s.writeBytes(FrameEncoder.frame(codec.encode(1, 0, i, new Message.Telemetry(i, r))));
    }
    return s.toByteArray();
  }

  /** Host ingest path without the link: COBS split, CRC check, decode, hal event. */
  private static void ingestInMemory() {
    int frames = 200_000;
    byte[] stream = telemetryStream(frames);
    DeviceId id = DeviceId.of("x");
    long[] sink = new long[1];
    FrameDecoder dec = new FrameDecoder(new PacketCodec(), p -> {
      var e = WireMapping.event(id, p.message(), 0);
      sink[0] += e == null ? 0 : 1;
    });
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < 7; r++) {
      long t0 = System.nanoTime();
      for (int off = 0; off < stream.length; off += 4096) {
        dec.feed(stream, off, Math.min(4096, stream.length - off));
      }
      double s = (System.nanoTime() - t0) / 1e9;
      if (r >= 2) {
        rates.add(frames / s);
      }
    }
    rates.sort(null);
    System.out.printf(Locale.ROOT, "BENCH telemetry ingest in memory (decode + event): median %.0f frames/s"
        + " over %d rounds %s; events %d%n", rates.get(rates.size() / 2), rates.size(), rates, sink[0]);
  }

  /** Telemetry frames written into the device end of a pty as fast as it takes them. */
  private static void ingestOverPty(Path dir, WallClockTimeBase time) throws Exception {
    int frames = 100_000;
    byte[] stream = telemetryStream(frames);
    try (PtyPair pty = PtyPair.start(dir.resolve("h2"), dir.resolve("d2"))) {
      long[] got = new long[1];
      var decoder = new FrameDecoder(new PacketCodec(), p -> got[0]++);
      try (var link = org.dpem.driver.transport.SerialLink.open(
          new SerialSettings(pty.a(), 115200, dir, Duration.ofMillis(50)),
          new org.dpem.driver.transport.SerialLink.Listener() {
            @Override
            public void onBytes(byte[] data) {
              decoder.feed(data);
            }

            @Override
            public void onLost(String reason) {}
          })) {
        long t0 = System.nanoTime();
        Thread writer = new Thread(() -> {
          try (FileOutputStream o = new FileOutputStream(pty.b().toFile())) {
            for (int off = 0; off < stream.length; off += 4096) {
              o.write(stream, off, Math.min(4096, stream.length - off));
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        writer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (decoder.counters().accepted() < frames && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        writer.join();
        System.out.printf(Locale.ROOT, "BENCH telemetry ingest over a pty: %.0f frames/s (%d of %d frames"
            + " in %.2f s, %.1f MB/s, rejected %d)%n", decoder.counters().accepted() / s,
            decoder.counters().accepted(), frames, s, stream.length / s / 1e6, decoder.counters().rejected());
      }
    }
  }
}
