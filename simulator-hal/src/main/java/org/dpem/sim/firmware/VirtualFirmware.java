package org.dpem.sim.firmware;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.dpem.driver.WireMapping;
import org.dpem.driver.transport.LinkDownException;
import org.dpem.driver.transport.MqttPacketPort;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.driver.transport.MqttTopics;
import org.dpem.driver.transport.PacketPort;
import org.dpem.driver.transport.SerialPacketPort;
import org.dpem.driver.transport.SerialSettings;
import org.dpem.hal.Device;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.event.EventSource;
import org.dpem.hal.time.TimeBase;
import org.dpem.protocol.Addresses;
import org.dpem.protocol.DecodeCounters;
import org.dpem.protocol.DecodeResult;
import org.dpem.protocol.Packet;
import org.dpem.protocol.PacketCodec;
import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.DeviceStateCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.Operation;
import org.dpem.protocol.signing.SignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Firmware for one device, in software: it serves a {@link Device} (usually a simulated one) over
 * FWP/1 on a serial port or MQTT and behaves as PROTOCOL.md says firmware must:
 *
 * <ul>
 *   <li>a dead-man watchdog: once a host heartbeat armed it, silence longer than the host's
 *       {@code deadman_ms} (or the controller's MQTT Last Will) puts the device SAFE and raises a
 *       latched {@code DEADMAN} fault; a host heartbeat saying SAFE puts it SAFE at once;
 *   <li>latched faults re-sent until FAULT_ACK and active until CLEAR_FAULT;
 *   <li>a cache of recent results, so a retried {@code cmd_seq} is answered, not executed again;
 *   <li>its own limit check (OUT_OF_LIMITS) and deadline check (EXPIRED), whatever the host did;
 *   <li>read-only operation after a schema mismatch, and UNAUTHORIZED for unsigned actuation and
 *       unsigned CLEAR_FAULT when a signing key is configured;
 *   <li>PROTOCOL_ERROR answers only to dropped packets whose header can be trusted and that were
 *       addressed to it, never to a PROTOCOL_ERROR, at most 10 a second ({@link ProtocolErrorReplies}).
 * </ul>
 *
 * All protocol work runs on one thread per firmware instance.
 */
public final class VirtualFirmware implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VirtualFirmware.class);
  private static final int RESULT_CACHE = 512;
  /** The dead-man timeout when the host's heartbeat says 0 (PROTOCOL.md 10.4: at most 5000 ms). */
  static final long DEFAULT_DEADMAN_MS = 3000;
  /** The fault code of a fired dead-man watchdog (PROTOCOL.md 10.4). */
  public static final String DEADMAN_FAULT = "DEADMAN";

  private final Device device;
  private final PacketPort port;
  private final PacketCodec codec;
  private final FirmwareConfig config;
  private final TimeBase time;
  private final ExecutorService exec;
  private final AtomicLong seq = new AtomicLong();
  private final ResultCache results = new ResultCache(RESULT_CACHE);
  private final LatchedFaults faults = new LatchedFaults();
  private final List<Message.ParamDescriptor> descriptors;
  private final ProtocolErrorReplies errorReplies;

  private volatile DeviceStateCode state = DeviceStateCode.CONNECTING;
  private boolean greeted;
  private volatile boolean readOnly;
  private boolean armed;
  private long deadmanNanos;
  private long lastHostHeartbeat;
  private long lastHeartbeatSent = Long.MIN_VALUE / 2;
  private long lastTelemetry = Long.MIN_VALUE / 2;
  private long lastFaultResend = Long.MIN_VALUE / 2;
  private volatile boolean closed;
  private TimeBase.Scheduled ticker;
  private EventSource.Subscription deviceEvents;
  private final AtomicLong executed = new AtomicLong();
  private final java.util.Map<org.dpem.protocol.message.Opcode, AtomicLong> executedByOpcode =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicLong commandsReceived = new AtomicLong();
  private volatile long ackDelayNanos;
  private final java.util.concurrent.atomic.AtomicInteger acksToDrop = new java.util.concurrent.atomic.AtomicInteger();

  private VirtualFirmware(Device device, PacketPort port, PacketCodec codec, FirmwareConfig config,
      TimeBase time) {
    this.device = device;
    this.port = port;
    this.codec = codec;
    this.config = config;
    this.time = time;
    this.descriptors = WireMapping.descriptors(device.limits());
    this.errorReplies = new ProtocolErrorReplies(config.address());
    this.exec = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "firmware " + device.id());
      t.setDaemon(true);
      return t;
    });
  }

  /** The codec firmware uses: it verifies signatures when a key is configured. */
  public static PacketCodec codec(FirmwareConfig config) {
    if (config.signingKey() == null) {
      return new PacketCodec();
    }
    SignatureVerifier v = new SignatureVerifier().addKey(config.signingKey().keyId(),
        config.signingKey().key());
    return new PacketCodec(null, v, false);
  }

  /** Serves {@code device} on the serial port at {@code settings.path()}. */
  public static VirtualFirmware serial(Device device, SerialSettings settings, FirmwareConfig config,
      TimeBase time) {
    PacketCodec codec = codec(config);
    return new VirtualFirmware(device, new SerialPacketPort(settings, codec, Duration.ofMillis(100)),
        codec, config, time);
  }

  /**
   * Serves {@code device} through an MQTT broker under {@code prefix}; the MQTT keep-alive is
   * {@code settings.keepAliveSeconds()} (5 s by default, so the broker announces a dead device
   * within 7.5 s).
   */
  public static VirtualFirmware mqtt(Device device, MqttSettings settings, String prefix,
      FirmwareConfig config, TimeBase time) throws LinkDownException {
    PacketCodec codec = codec(config);
    MqttPacketPort port = new MqttPacketPort(settings,
        new MqttTopics(prefix, device.id().value()), MqttPacketPort.Role.DEVICE, codec);
    return new VirtualFirmware(device, port, codec, config, time);
  }

  /** Starts serving. */
  public VirtualFirmware start() {
    deviceEvents = device.subscribe(e -> exec.execute(() -> deviceEvent(e)));
    port.start(new PacketPort.Receiver() {
      @Override
      public void onPacket(Packet packet) {
        run(() -> received(packet));
      }

      @Override
      public void onReject(DecodeResult.Rejected r) {
        run(() -> rejected(r));
      }

      @Override
      public void onUp() {
        run(() -> {
          port.announceState(stateText());
          sendHeartbeat();
          sendDescription();
        });
      }

      @Override
      public void onDown(String reason) {
        log.info("{}: link down: {}", device.id(), reason);
      }

      @Override
      public void onPeerPresence(String presence) {
        if (presence.equals("offline")) {
          run(() -> {
            if (armed && state == DeviceStateCode.SAFE) {
              // a controller that stops cleanly orders SAFE first, then says goodbye: no alarm
              armed = false;
              log.info("{}: the controller went offline; already SAFE", device.id());
            } else if (armed) {
              watchdog("the controller went offline (its MQTT Last Will, or it left without"
                  + " ordering SAFE)");
            }
          });
        }
      }
    });
    scheduleTick();
    return this;
  }

  private void run(Runnable r) {
    try {
      exec.execute(r);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  public Device device() {
    return device;
  }

  public PacketPort port() {
    return port;
  }

  /** Frames and packets received and dropped, by reason. */
  public DecodeCounters counters() {
    return port.counters();
  }

  /** The state it reports in heartbeats. */
  public DeviceStateCode state() {
    return state;
  }

  /** Whether it refuses unsigned actuation and unsigned CLEAR_FAULT (a signing key is set). */
  public boolean requiresSignatures() {
    return config.signingKey() != null;
  }

  /** Commands actually executed on the device (not answered from the cache or refused). */
  public long executedCommands() {
    return executed.get();
  }

  /** Commands with {@code opcode} executed on the device, as {@link #executedCommands()} counts. */
  public long executedCommands(org.dpem.protocol.message.Opcode opcode) {
    AtomicLong n = executedByOpcode.get(opcode);
    return n == null ? 0 : n.get();
  }

  /** For diagnostics: watchdog arming and timing. */
  String watchdogStatus() {
    return "armed=" + armed + " deadman_ms=" + deadmanNanos / 1_000_000 + " since_host_hb_ms="
        + (time.nowNanos() - lastHostHeartbeat) / 1_000_000;
  }

  /** COMMAND packets that arrived intact (whatever became of them). */
  public long commandsReceived() {
    return commandsReceived.get();
  }

  /** The most times any one {@code cmd_seq} was executed: 1 unless idempotency is broken. */
  public int maxExecutionsPerCmdSeq() {
    return results.maxExecutions();
  }

  /** Fault injection: answer every command this much later (slow equipment). */
  public void delayAcks(Duration d) {
    ackDelayNanos = d.toNanos();
  }

  /** Fault injection: lose the next {@code n} acknowledgements on the way out (after acting). */
  public void dropAcks(int n) {
    acksToDrop.set(n);
  }

  /** Raises a fault, as the equipment would on an internal error (for tests and fault injection). */
  public void raiseFault(String code, String message, boolean latched) {
    run(() -> fault(code, message, latched));
  }

  private void scheduleTick() {
    if (!closed) {
      ticker = time.schedule(Math.min(config.heartbeatInterval().toNanos(), 50_000_000L),
          () -> run(this::tick));
    }
  }

  private void tick() {
    try {
      long now = time.nowNanos();
      if (armed && now - lastHostHeartbeat > deadmanNanos) {
        watchdog("no host heartbeat for " + (now - lastHostHeartbeat) / 1_000_000 + " ms (dead-man "
            + deadmanNanos / 1_000_000 + " ms)");
      }
      if (now - lastHeartbeatSent >= config.heartbeatInterval().toNanos()) {
        sendHeartbeat();
      }
      if (now - lastTelemetry >= config.telemetryInterval().toNanos()) {
        lastTelemetry = now;
        sendTelemetry();
      }
      if (faults.anyUnacked() && now - lastFaultResend >= config.faultResendInterval().toNanos()) {
        lastFaultResend = now;
        faults.toResend().forEach(this::send);
      }
    } catch (RuntimeException e) {
      log.error("{}: firmware tick failed", device.id(), e);
    } finally {
      scheduleTick();
    }
  }

  private long micros() {
    return Math.max(0, time.nowNanos() / 1000);
  }

  private void send(Message m) {
    if (m == null || !port.isUp()) {
      return;
    }
    try {
      port.send(m, codec.encode(config.address(), Addresses.HOST, seq.getAndIncrement() & 0xFFFF_FFFFL, m));
    } catch (LinkDownException e) {
      log.debug("{}: {} not sent: {}", device.id(), m.type(), e.getMessage());
    }
  }

  private void sendHeartbeat() {
    lastHeartbeatSent = time.nowNanos();
    send(new Message.Heartbeat(micros(), state, 0));
  }

  private void sendDescription() {
    send(new Message.DeviceInfo(device.id().value(), device.node().value(),
        WireMapping.kindCode(device.kind()), config.model(), config.firmware(), config.schemaHash(),
        descriptors.size()));
    descriptors.forEach(this::send);
  }

  private void sendTelemetry() {
    send(DeviceReports.telemetry(device, micros()));
  }


  private void rejected(DecodeResult.Rejected r) {
    log.debug("{}: dropped a packet: {}", device.id(), r);
    if (!errorReplies.answer(r, time.nowNanos())) {
      return;
    }
    var h = r.header();
    String detail = r.detail().length() > 200 ? r.detail().substring(0, 200) : r.detail();
    send(new Message.ProtocolError(r.reason(), h == null ? 0 : h.msgId(), h == null ? 0 : h.seq(), detail));
  }

  private void received(Packet p) {
    Message m = p.message();
    switch (m.type()) {
      case HELLO -> {
        Message.Hello h = (Message.Hello) m;
        if (armed) {
          lastHostHeartbeat = time.nowNanos(); // a HELLO is as good a sign of life as a heartbeat
        }
        readOnly = h.schemaHash() != config.schemaHash();
        if (readOnly) {
          log.warn("{}: host {} has schema hash {}, ours is {}: read-only", device.id(), h.hostId(),
              Integer.toHexString(h.schemaHash()), Integer.toHexString(config.schemaHash()));
        }
        if (!greeted) {
          greeted = true;
          if (state == DeviceStateCode.CONNECTING) {
            state = DeviceStateCode.READY;
            port.announceState(stateText());
          }
        }
        sendHeartbeat();
        sendDescription();
        // a new host learns at once what is latched, without waiting for the re-send period
        faults.toResend().forEach(this::send);
      }
      case HEARTBEAT -> {
        Message.Heartbeat hb = (Message.Heartbeat) m;
        // 0 means the firmware default; the watchdog cannot be switched off
        armed = true;
        deadmanNanos = (hb.deadmanMillis() > 0 ? hb.deadmanMillis() : DEFAULT_DEADMAN_MS) * 1_000_000L;
        lastHostHeartbeat = time.nowNanos();
        if (hb.state() == DeviceStateCode.SAFE && state != DeviceStateCode.SAFE) {
          log.info("{}: the host orders SAFE (controller shutdown)", device.id());
          device.safe(Long.MAX_VALUE);
          setState(DeviceStateCode.SAFE);
        }
      }
      case TIME_SYNC -> {
        Message.TimeSync t = (Message.TimeSync) m;
        if (!t.response()) {
          long t2 = micros();
          send(new Message.TimeSync(true, t.t1Micros(), t2, micros()));
        }
      }
      case FAULT_ACK -> faults.acked(((Message.FaultAck) m).faultId());
      case COMMAND -> {
        commandsReceived.incrementAndGet();
        command(p, (Message.Command) m);
      }
      case CANCEL -> {
        // commands act as soon as they are checked, so none is ever left to drop: the answer is
        // the final result, or INVALID for a cmd_seq never seen
        long key = ((Message.Cancel) m).cmdSeq();
        Message.CommandAck done = results.answer(key);
        if (done != null) {
          send(done);
        } else if (!results.running(key)) {
          send(new Message.CommandAck(key, AckCode.INVALID, "unknown cmd_seq"));
        }
      }
      default -> log.debug("{}: ignoring {}", device.id(), m.type());
    }
  }

  private void command(Packet p, Message.Command c) {
    long key = c.cmdSeq();
    Message.CommandAck cached = results.answer(key);
    if (cached != null) {
      send(cached);
      return;
    }
    if (results.running(key)) {
      send(new Message.CommandAck(key, AckCode.DUPLICATE_IN_PROGRESS, ""));
      return;
    }
    Operation op = c.operation();
    if (op.opcode().needsSignature() && config.signingKey() != null && !p.signed()) {
      // not cached: a signed command with this cmd_seq must still be able to act
      send(new Message.CommandAck(key, AckCode.UNAUTHORIZED, op.opcode().towardsRest()
          ? "CLEAR_FAULT must be signed" : "actuating commands must be signed"));
      return;
    }
    Optional<Admission.Refusal> refusal = Admission.check(c, micros(), greeted, readOnly, state,
        device.limits(), faults.summary());
    if (refusal.isPresent()) {
      finish(key, refusal.get().code(), refusal.get().detail());
      return;
    }
    execute(key, c, op);
  }

  private void execute(long key, Message.Command c, Operation op) {
    switch (op.opcode()) {
      case GET_INFO -> {
        sendDescription();
        finish(key, AckCode.OK, "");
        return;
      }
      case GET_PARAMS -> {
        descriptors.forEach(this::send);
        finish(key, AckCode.OK, "");
        return;
      }
      case GO_SAFE -> {
        executed.incrementAndGet();
        results.started(key);
        device.safe(Long.MAX_VALUE).whenComplete((r, e) -> run(() -> {
          setState(DeviceStateCode.SAFE);
          finish(key, AckCode.OK, "");
        }));
        return;
      }
      case CLEAR_FAULT -> {
        executed.incrementAndGet();
        results.started(key);
        device.clearFault(Long.MAX_VALUE).whenComplete((r, e) -> run(() -> {
          faults.clear();
          port.withdrawFault();
          setState(DeviceStateCode.READY);
          finish(key, AckCode.OK, "");
        }));
        return;
      }
      default -> {
      }
    }
    Optional<DeviceCommand> cmd;
    try {
      cmd = OperationMapping.command(op, c.allocation(), device.limits());
    } catch (IllegalArgumentException e) {
      finish(key, AckCode.INVALID, e.getMessage());
      return;
    }
    if (cmd.isEmpty()) {
      finish(key, AckCode.UNSUPPORTED, op.opcode() + " is not supported");
      return;
    }
    executed.incrementAndGet();
    executedByOpcode.computeIfAbsent(op.opcode(), o -> new AtomicLong()).incrementAndGet();
    results.started(key);
    device.submit(cmd.get()).whenComplete((r, e) -> run(() -> {
      if (e != null) {
        finish(key, AckCode.INTERNAL_ERROR, e.toString());
      } else {
        finish(key, OperationMapping.ack(r.code()), trim(r.detail()));
      }
    }));
  }

  private void finish(long key, AckCode code, String detail) {
    Message.CommandAck ack = new Message.CommandAck(key, code, trim(detail));
    long delay = ackDelayNanos;
    if (delay > 0) {
      time.schedule(delay, () -> run(() -> complete(key, ack)));
    } else {
      complete(key, ack);
    }
  }

  private void complete(long key, Message.CommandAck ack) {
    results.finished(key, ack);
    if (acksToDrop.get() > 0 && acksToDrop.getAndDecrement() > 0) {
      return;
    }
    send(ack);
  }

  private static String trim(String s) {
    // str8 holds 255 UTF-8 bytes
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return b.length <= 255 ? s : new String(b, 0, 250, StandardCharsets.UTF_8).replace("\uFFFD", "") + "...";
  }

  private void watchdog(String why) {
    armed = false;
    log.warn("{}: going SAFE: {}", device.id(), why);
    device.safe(Long.MAX_VALUE);
    setState(DeviceStateCode.SAFE);
    fault(DEADMAN_FAULT, why, true);
  }

  private void fault(String code, String message, boolean latched) {
    Message.Fault f = new Message.Fault(faults.nextId(), micros(), trimTo(code, 64), trim(message), latched);
    if (latched) {
      faults.latch(f);
      if (state != DeviceStateCode.SAFE) {
        setState(DeviceStateCode.FAULT);
      }
    }
    send(f);
  }

  private static String trimTo(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  private void deviceEvent(DeviceEvent e) {
    if (e instanceof DeviceEvent.Fault f) {
      fault(f.code(), f.message(), f.latched());
    } else {
      send(DeviceReports.event(e, micros()));
    }
  }


  private void setState(DeviceStateCode s) {
    if (s != state) {
      state = s;
      port.announceState(stateText());
      sendHeartbeat();
    }
  }

  private String stateText() {
    return state.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void close() {
    closed = true;
    if (ticker != null) {
      ticker.cancel();
    }
    if (deviceEvents != null) {
      deviceEvents.close();
    }
    exec.shutdownNow();
    port.close();
  }

}
