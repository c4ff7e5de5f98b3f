package org.dpem.driver.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.dpem.driver.transport.LinkDownException;
import org.dpem.driver.transport.PacketPort;
import org.dpem.hal.DeviceState;
import org.dpem.hal.time.TimeBase;
import org.dpem.protocol.Addresses;
import org.dpem.protocol.DecodeResult;
import org.dpem.protocol.Flags;
import org.dpem.protocol.Packet;
import org.dpem.protocol.PacketCodec;
import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.DeviceStateCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.Operation;
import org.dpem.protocol.message.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's conversation with one device over FWP/1: handshake, heartbeats both ways (the host's
 * arm the device's dead-man watchdog), commands with {@code cmd_seq} and ACK timeouts, latched
 * faults acknowledged, clock offset, and the device's state as the host sees it.
 *
 * <p>Everything runs on one serial executor per device, so packets, timers and commands for a
 * device are handled one at a time, in order; a slow device cannot hold up another. Retries and
 * circuit breaking are layered on top ({@link DevicePolicy}); one {@link #attempt} is one send and
 * one wait.
 */
public final class DeviceSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeviceSession.class);
  /** The fault code of a fired dead-man watchdog (PROTOCOL.md 10.4). */
  public static final String DEADMAN_FAULT = "DEADMAN";

  private record Pending(Message.Command command, CompletableFuture<Message.CommandAck> future,
      TimeBase.Scheduled timer) {}

  private final String name;
  private final PacketPort port;
  private final PacketCodec codec;
  private final SessionConfig config;
  private final TimeBase time;
  private final SessionListener listener;
  private final ExecutorService exec;
  private final AtomicLong packetSeq = new AtomicLong();
  private final AtomicLong cmdSeq = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1L << 31));
  private final Map<Long, Pending> pending = new HashMap<>();
  private final Set<Long> faultsSeen = new LinkedHashSet<>();
  private final Map<Integer, Message.ParamDescriptor> params = new TreeMap<>();

  private Message.DeviceInfo info;
  private HandshakeResult handshake;
  private boolean heartbeatSinceHello;
  private DeviceStateCode deviceState;
  private volatile DeviceState state = DeviceState.CONNECTING;
  private long lastHeardNanos;
  private long lastHelloNanos = Long.MIN_VALUE / 2;
  private boolean linkUp;
  private boolean watchdogFaultPending;
  private final ClockOffset clock = new ClockOffset();
  private long lastSyncNanos;
  private volatile boolean closed;
  private TimeBase.Scheduled ticker;
  private final CompletableFuture<HandshakeResult> firstHandshake = new CompletableFuture<>();

  /**
   * @param name the device id, for logs and messages
   * @param codec encodes outgoing packets (it signs them if it has a signer)
   */
  public DeviceSession(String name, PacketPort port, PacketCodec codec, SessionConfig config,
      TimeBase time, SessionListener listener) {
    this.name = Objects.requireNonNull(name, "name");
    this.port = Objects.requireNonNull(port, "port");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.config = Objects.requireNonNull(config, "config");
    this.time = Objects.requireNonNull(time, "time");
    this.listener = listener == null ? new SessionListener() {} : listener;
    this.exec = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "device " + name);
      t.setDaemon(true);
      return t;
    });
    this.lastHeardNanos = time.nowNanos();
  }

  /** Starts the port and the heartbeat; the returned stage completes at the first handshake. */
  public CompletableFuture<HandshakeResult> start() {
    port.start(new PacketPort.Receiver() {
      @Override
      public void onPacket(Packet packet) {
        run(() -> received(packet));
      }

      @Override
      public void onReject(DecodeResult.Rejected rejected) {
        log.debug("{}: dropped from {}: {}", name, port.describe(), rejected);
      }

      @Override
      public void onUp() {
        run(DeviceSession.this::linkUp);
      }

      @Override
      public void onDown(String reason) {
        run(() -> linkDown(reason));
      }

      @Override
      public void onPeerPresence(String presence) {
        if (presence.equals("lost") || presence.equals("offline")) {
          run(() -> lost("the broker reports the device " + presence));
        }
      }
    });
    scheduleTick();
    return firstHandshake;
  }

  public String name() {
    return name;
  }

  private void run(Runnable r) {
    try {
      exec.execute(r);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed: whatever arrives after close is dropped
    }
  }

  public PacketPort port() {
    return port;
  }

  /** The latest handshake, or null before the first. */
  public HandshakeResult handshake() {
    return handshake;
  }

  /** A fresh idempotency key. Retries of one command reuse the key they got here. */
  public long nextCmdSeq() {
    return cmdSeq.getAndIncrement() & 0xFFFF_FFFFL;
  }

  /**
   * Host time-base nanoseconds to the device clock's microseconds (for deadlines); values at or
   * beyond {@code Long.MAX_VALUE / 2} mean "no deadline" and map to 0.
   */
  public long toDeviceMicros(long hostNanos) {
    if (hostNanos >= Long.MAX_VALUE / 2) {
      return 0;
    }
    return Math.max(1, hostNanos / 1000 + clock.micros());
  }

  /** Device-clock microseconds to host time-base nanoseconds. */
  public long toHostNanos(long deviceMicros) {
    return (deviceMicros - clock.micros()) * 1000;
  }

  /**
   * One attempt: sends {@code command} and waits up to the ACK timeout for its COMMAND_ACK. The
   * returned stage fails with {@link AckTimeoutException} (retryable with the same command) or
   * {@link DeviceUnreachableException} (not retryable: the link is down or the device LOST).
   *
   * @param retransmit marks the packet as a retransmission (same {@code cmd_seq})
   */
  public CompletableFuture<Message.CommandAck> attempt(Message.Command command, boolean retransmit) {
    CompletableFuture<Message.CommandAck> f = new CompletableFuture<>();
    try {
      exec.execute(() -> send(command, retransmit, f));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      f.completeExceptionally(new DeviceUnreachableException(name + ": session closed"));
    }
    return f;
  }

  private void send(Message.Command command, boolean retransmit,
      CompletableFuture<Message.CommandAck> f) {
    if (closed) {
      f.completeExceptionally(new DeviceUnreachableException(name + ": session closed"));
      return;
    }
    if (!linkUp || handshake == null) {
      f.completeExceptionally(new DeviceUnreachableException(name + " over " + port.describe()
          + " is " + state + (linkUp ? " (handshake not finished)" : " (link down)")));
      return;
    }
    long seq = command.cmdSeq();
    Pending old = pending.remove(seq);
    if (old != null) {
      old.timer().cancel();
    }
    try {
      transmit(command, retransmit ? Flags.COMPAT_RETRANSMIT : 0);
    } catch (LinkDownException e) {
      f.completeExceptionally(new DeviceUnreachableException(name + ": " + e.getMessage()));
      return;
    }
    pending.put(seq, new Pending(command, f, armTimeout(seq, f)));
  }

  private TimeBase.Scheduled armTimeout(long seq, CompletableFuture<Message.CommandAck> f) {
    return time.schedule(config.ackTimeout().toNanos(), () -> exec.execute(() -> {
      Pending p = pending.get(seq);
      if (p != null && p.future() == f) {
        pending.remove(seq);
        f.completeExceptionally(new AckTimeoutException(name + ": no COMMAND_ACK for cmd_seq "
            + seq + " within " + config.ackTimeout().toMillis() + " ms"));
      }
    }));
  }

  private void transmit(Message m, int compatFlags) throws LinkDownException {
    long seq = packetSeq.getAndIncrement() & 0xFFFF_FFFFL;
    byte[] packet = codec.encode(Addresses.HOST, config.deviceAddress(), seq, compatFlags, m);
    port.send(m, packet);
  }

  private void transmitQuietly(Message m) {
    try {
      transmit(m, 0);
    } catch (LinkDownException e) {
      log.debug("{}: {} not sent: {}", name, m.type(), e.getMessage());
    }
  }

  private void linkUp() {
    linkUp = true;
    setState(DeviceState.CONNECTING, "link up over " + port.describe() + ", handshaking");
    resetHandshake();
    sendHello();
  }

  private void linkDown(String reason) {
    linkUp = false;
    lost("link down: " + reason);
  }

  private void lost(String reason) {
    resetHandshake();
    failPending("device " + name + " lost mid-command: " + reason);
    setState(DeviceState.LOST, reason);
  }

  private void resetHandshake() {
    handshake = null;
    info = null;
    params.clear();
    heartbeatSinceHello = false;
    // the device may have rebooted, and its clock with it
    clock.reset();
  }

  private void failPending(String why) {
    List<Pending> all = new ArrayList<>(pending.values());
    pending.clear();
    for (Pending p : all) {
      p.timer().cancel();
      p.future().completeExceptionally(new DeviceUnreachableException(why));
    }
  }

  private void sendHello() {
    lastHelloNanos = time.nowNanos();
    heartbeatSinceHello = false;
    // A heartbeat first: it arms the device's watchdog before any command can act, so a host
    // that dies right after its first command still leaves the device safe.
    sendHeartbeat();
    transmitQuietly(new Message.Hello(Schema.PROTOCOL_VERSION, Schema.hash(), config.hostId()));
  }

  private void sendHeartbeat() {
    if (config.deadman().isZero()) {
      // not the device's controller (a lab tool): any host heartbeat would arm the device's
      // dead-man (0 means its default, PROTOCOL.md 10.4), and it would go SAFE once we exit
      return;
    }
    transmitQuietly(new Message.Heartbeat(Math.max(0, time.nowNanos() / 1000), DeviceStateCode.READY,
        config.deadman().toMillis()));
  }

  private void scheduleTick() {
    if (!closed) {
      ticker = time.schedule(config.heartbeatInterval().toNanos(), () -> {
        try {
          exec.execute(this::tick);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
          // closed
        }
      });
    }
  }

  private void tick() {
    if (closed) {
      return;
    }
    try {
      long now = time.nowNanos();
      if (linkUp) {
        sendHeartbeat();
        if (handshake == null) {
          if (now - lastHelloNanos >= config.helloInterval().toNanos()) {
            sendHello();
          }
        } else if (now - lastHeardNanos > config.lostAfter().toNanos()) {
          lost("no heartbeat from the device for " + (now - lastHeardNanos) / 1_000_000 + " ms");
          sendHello();
        } else if (now - lastSyncNanos >= config.timeSync().toNanos()) {
          syncClock();
        }
      }
    } finally {
      scheduleTick();
    }
  }

  private void received(Packet packet) {
    if (closed) {
      return;
    }
    lastHeardNanos = time.nowNanos();
    Message m = packet.message();
    switch (m.type()) {
      case DEVICE_INFO -> {
        Message.DeviceInfo d = (Message.DeviceInfo) m;
        if (info == null || !info.equals(d)) {
          info = d;
          params.clear();
        }
        maybeHandshakeDone();
      }
      case PARAM_DESCRIPTOR -> {
        Message.ParamDescriptor p = (Message.ParamDescriptor) m;
        params.put(p.index(), p);
        maybeHandshakeDone();
      }
      case HEARTBEAT -> {
        Message.Heartbeat h = (Message.Heartbeat) m;
        clock.guess(h.timeMicros(), time.nowNanos() / 1000);
        deviceState = h.state();
        // a device reports CONNECTING until it has seen a HELLO: that one is from before ours
        heartbeatSinceHello |= h.state() != DeviceStateCode.CONNECTING;
        if (handshake == null) {
          maybeHandshakeDone();
        } else {
          followDevice();
        }
      }
      case COMMAND_ACK -> acked((Message.CommandAck) m);
      case FAULT -> fault((Message.Fault) m);
      case TIME_SYNC -> {
        Message.TimeSync t = (Message.TimeSync) m;
        if (t.response()) {
          clock.exchange(t, time.nowNanos() / 1000);
        }
      }
      case TELEMETRY -> listener.onDeviceMessage(m, toHostNanos(((Message.Telemetry) m).timeMicros()));
      case HERALD -> listener.onDeviceMessage(m, toHostNanos(((Message.Herald) m).timeMicros()));
      case SWAP_OUTCOME -> listener.onDeviceMessage(m, toHostNanos(((Message.SwapOutcome) m).timeMicros()));
      case PAIR_DELIVERED -> listener.onDeviceMessage(m, toHostNanos(((Message.PairDelivered) m).timeMicros()));
      case PROTOCOL_ERROR -> {
        Message.ProtocolError e = (Message.ProtocolError) m;
        log.warn("{}: device dropped our packet (msg {} seq {}): {} {}", name, e.refMsgId(),
            e.refSeq(), e.reason(), e.detail());
      }
      default -> log.debug("{}: ignoring {} from the device", name, m.type());
    }
  }

  private void maybeHandshakeDone() {
    if (handshake != null || info == null || params.size() < info.paramCount()
        || !heartbeatSinceHello || !linkUp) {
      return;
    }
    boolean match = info.schemaHash() == Schema.hash();
    handshake = new HandshakeResult(info, new ArrayList<>(params.values()), match);
    if (!match) {
      log.warn("{}: schema hash {} differs from ours {}: the device is read-only", name,
          Integer.toHexString(info.schemaHash()), Integer.toHexString(Schema.hash()));
    }
    syncClock();
    listener.onHandshake(handshake);
    followDevice();
    firstHandshake.complete(handshake);
    if (watchdogFaultPending && deviceState == DeviceStateCode.SAFE) {
      resumeAfterWatchdog();
    }
  }

  private void syncClock() {
    lastSyncNanos = time.nowNanos();
    transmitQuietly(Message.TimeSync.request(Math.max(0, lastSyncNanos / 1000)));
  }

  /** Device clock minus host clock as last estimated, microseconds (diagnostics, tests). */
  public long clockOffsetMicros() {
    return clock.micros();
  }

  private void followDevice() {
    DeviceState s = switch (deviceState == null ? DeviceStateCode.READY : deviceState) {
      case CONNECTING -> DeviceState.CONNECTING;
      case READY -> DeviceState.READY;
      case DEGRADED -> DeviceState.DEGRADED;
      case FAULT -> DeviceState.FAULT;
      case SAFE -> DeviceState.SAFE;
      case LOST -> DeviceState.LOST;
    };
    setState(s, s == DeviceState.READY ? "" : "device reports " + s);
  }

  private void acked(Message.CommandAck a) {
    Pending p = pending.get(a.cmdSeq());
    if (p == null) {
      return; // a late ack of an attempt already timed out, or a duplicate answer
    }
    if (a.result() == AckCode.DUPLICATE_IN_PROGRESS) {
      p.timer().cancel();
      pending.put(a.cmdSeq(), new Pending(p.command(), p.future(), armTimeout(a.cmdSeq(), p.future())));
      return;
    }
    pending.remove(a.cmdSeq());
    p.timer().cancel();
    p.future().complete(a);
  }

  private void fault(Message.Fault f) {
    transmitQuietly(new Message.FaultAck(f.faultId()));
    boolean fresh = faultsSeen.add(f.faultId());
    if (faultsSeen.size() > 256) {
      faultsSeen.remove(faultsSeen.iterator().next());
    }
    if (!fresh) {
      return;
    }
    listener.onDeviceMessage(f, toHostNanos(f.timeMicros()));
    if (f.latched() && DEADMAN_FAULT.equals(f.code()) && config.resumeAfterWatchdog()) {
      watchdogFaultPending = true;
      if (handshake != null && deviceState == DeviceStateCode.SAFE) {
        resumeAfterWatchdog();
      }
    }
  }

  /**
   * The device went SAFE only because our heartbeats stopped reaching it (link pulled, broker
   * restart). Its outputs are off and stay off; clearing SAFE lets the controller command it again.
   */
  private void resumeAfterWatchdog() {
    watchdogFaultPending = false;
    Message.Command c = new Message.Command(nextCmdSeq(), 0, 0, new Operation.ClearFault());
    log.info("{}: device went SAFE on its watchdog while the link was down; clearing", name);
    attempt(c, false).whenComplete((ack, err) -> {
      if (err != null || ack.result() != AckCode.OK) {
        log.warn("{}: could not clear the watchdog SAFE state: {}", name, err != null ? err.getMessage() : ack);
      }
    });
  }

  private void setState(DeviceState s, String reason) {
    if (s == state) {
      return;
    }
    state = s;
    listener.onState(s, reason);
  }

  /** The state as the host sees it (read from any thread; may lag by one packet). */
  public DeviceState state() {
    return state;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      exec.submit(() -> {
        if (linkUp && !config.deadman().isZero()) {
          // a controller shutting down orders its devices SAFE at once (PROTOCOL.md 10.4)
          transmitQuietly(new Message.Heartbeat(Math.max(0, time.nowNanos() / 1000),
              DeviceStateCode.SAFE, config.deadman().toMillis()));
        }
        closed = true;
        if (ticker != null) {
          ticker.cancel();
        }
        failPending(name + ": session closed");
      }).get(2, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      closed = true;
    }
    exec.shutdown();
    port.close();
  }
}
