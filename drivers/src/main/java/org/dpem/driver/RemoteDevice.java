package org.dpem.driver;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.dpem.driver.session.AckTimeoutException;
import org.dpem.driver.session.CommandExpiredException;
import org.dpem.driver.session.DevicePolicy;
import org.dpem.driver.session.DeviceSession;
import org.dpem.driver.session.DeviceUnreachableException;
import org.dpem.driver.session.HandshakeResult;
import org.dpem.driver.session.SessionListener;
import org.dpem.hal.AbstractDevice;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.DeviceState;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.time.TimeBase;
import org.dpem.protocol.DecodeCounters;
import org.dpem.protocol.message.Message;

/**
 * A device reached over FWP/1 (serial or MQTT). The safety interlock of {@link AbstractDevice}
 * runs first; then each command gets one {@code cmd_seq}, and every attempt (the same
 * {@code cmd_seq}) runs under the device's {@link DevicePolicy}. The circuit breaker's state shows
 * in {@link #health()}.
 */
public abstract class RemoteDevice extends AbstractDevice implements AutoCloseable {
  private final DeviceSession session;
  private final DevicePolicy policy;
  private volatile boolean readOnly;
  /** Latest telemetry readings by name, for the capability getters. */
  protected final Map<String, Double> readings = new ConcurrentHashMap<>();

  protected RemoteDevice(DeviceInfo info, TimeBase time, DeviceSession session, DevicePolicy policy,
      HandshakeResult handshake) {
    super(info, time, DeviceState.CONNECTING);
    this.session = session;
    this.policy = policy;
    this.readOnly = !handshake.schemaMatches();
  }

  /** The session's events, to be registered with the session before it starts. */
  static SessionListener bridge(RemoteDevice[] holder) {
    return new SessionListener() {
      @Override
      public void onHandshake(HandshakeResult r) {
        RemoteDevice d = holder[0];
        if (d != null) {
          d.handshook(r);
        }
      }

      @Override
      public void onState(DeviceState s, String reason) {
        RemoteDevice d = holder[0];
        if (d != null) {
          d.stateFromSession(s, reason);
        }
      }

      @Override
      public void onDeviceMessage(Message m, long hostNanos) {
        RemoteDevice d = holder[0];
        if (d != null) {
          d.deviceMessage(m, hostNanos);
        }
      }
    };
  }

  void handshook(HandshakeResult r) {
    readOnly = !r.schemaMatches();
    policy.handshakeDone();
    seen();
  }

  void stateFromSession(DeviceState s, String reason) {
    if (s == DeviceState.LOST) {
      policy.linkLost();
    }
    if (s != DeviceState.LOST && s != DeviceState.CONNECTING) {
      seen();
    }
    setState(s, reason);
  }

  void deviceMessage(Message m, long hostNanos) {
    seen();
    if (m instanceof Message.Telemetry t) {
      for (Message.Reading r : t.readings()) {
        readings.put(r.name(), r.value());
      }
    }
    if (hasListeners()) {
      DeviceEvent e = WireMapping.event(id(), m, hostNanos);
      if (e != null) {
        emit(e);
      }
    }
  }

  /** Whether the handshake found a schema mismatch (then only stopping commands are sent). */
  public boolean readOnly() {
    return readOnly;
  }

  public DeviceSession session() {
    return session;
  }

  public DevicePolicy policy() {
    return policy;
  }

  /** Frames and packets received and dropped on this device's link, by reason. */
  public DecodeCounters linkCounters() {
    return session.port().counters();
  }

  @Override
  protected String breakerState() {
    return policy.breaker().getState().name();
  }

  @Override
  protected CompletionStage<CommandResult> dispatch(DeviceCommand command) {
    String what = command.name() + " on " + id();
    if (readOnly && !command.towardsRest()) {
      return done(ResultCode.READ_ONLY, what + ": the device's protocol schema differs from ours,"
          + " so it is read-only");
    }
    long seq = session.nextCmdSeq();
    Message.Command msg = new Message.Command(seq, command.allocation().value(),
        session.toDeviceMicros(command.deadlineNanos()), WireMapping.operation(command));
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<CommandResult> out = new CompletableFuture<>();
    policy.<Message.CommandAck>call(() -> {
      if (attempts.get() > 0 && time.nowNanos() > command.deadlineNanos()) {
        CompletableFuture<Message.CommandAck> f = new CompletableFuture<>();
        f.completeExceptionally(new CommandExpiredException(what + ": deadline passed after "
            + attempts.get() + " attempt(s) without an answer"));
        return f;
      }
      return session.attempt(msg, attempts.getAndIncrement() > 0);
    }).whenComplete((ack, err) -> {
      if (err == null) {
        out.complete(WireMapping.result(ack, what));
      } else {
        out.complete(failure(what, DevicePolicy.unwrap(err), attempts.get()));
      }
    });
    return out;
  }

  private CommandResult failure(String what, Throwable t, int attempts) {
    if (t instanceof CallNotPermittedException) {
      return CommandResult.of(ResultCode.UNREACHABLE, what + ": circuit breaker open after"
          + " repeated failures" + (state() == DeviceState.LOST ? " (device LOST: "
          + health().detail() + ")" : ""));
    }
    if (t instanceof DeviceUnreachableException) {
      return CommandResult.of(ResultCode.UNREACHABLE, what + ": " + t.getMessage());
    }
    if (t instanceof AckTimeoutException || t instanceof TimeoutException) {
      return CommandResult.of(ResultCode.TIMEOUT, what + ": no answer over "
          + session.port().describe() + " after " + attempts + " attempt(s) (" + t.getMessage() + ")");
    }
    if (t instanceof CommandExpiredException) {
      return CommandResult.of(ResultCode.EXPIRED, t.getMessage());
    }
    if (t instanceof BulkheadFullException) {
      return CommandResult.of(ResultCode.BUSY, what + ": too many commands in flight to this device");
    }
    return CommandResult.of(ResultCode.UNREACHABLE, what + ": " + t);
  }

  @Override
  public void close() {
    session.close();
  }
}
