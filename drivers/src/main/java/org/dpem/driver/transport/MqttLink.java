package org.dpem.driver.transport;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT client connection (Paho mqttv3), kept up by us rather than by Paho.
 *
 * <ul>
 *   <li>Memory persistence: Paho's default writes folders into the working directory.
 *   <li>In-flight window {@link MqttSettings#maxInflight()}; a full window (32202) is retried
 *       briefly and then reported as {@link LinkBusyException}.
 *   <li>Paho calls back on its single client thread, where publishing can deadlock: every message
 *       and connection event is handed to this link's own ordered executor.
 *   <li>Paho's automatic reconnect reuses the old Will and, with clean sessions, loses the
 *       subscriptions. This link reconnects itself with a freshly supplied Will and restores every
 *       subscription before telling the owner it is connected.
 *   <li>Publishing while disconnected fails at once with {@link LinkDownException}: nothing is
 *       buffered for later.
 * </ul>
 */
public final class MqttLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MqttLink.class);
  private static final long BUSY_WAIT_NANOS = 200_000_000L;

  /** The Last Will to register with each connection. */
  public record Will(String topic, byte[] payload, int qos, boolean retained) {}

  /** Receives messages on a subscribed filter, on the link's executor. */
  @FunctionalInterface
  public interface MessageHandler {
    void onMessage(String topic, byte[] payload);
  }

  /** Connection events, on the link's executor, in order. */
  public interface ConnectionListener {
    /** Connected, subscriptions restored; {@code reconnect} is false for the first time. */
    void onConnected(boolean reconnect);

    /** The connection dropped; the link is already trying to reconnect. */
    void onConnectionLost(String reason);
  }

  private record Sub(int qos, MessageHandler handler) {}

  private final MqttSettings settings;
  private final Supplier<Will> will;
  private final ConnectionListener connectionListener;
  private final MqttAsyncClient client;
  private final Map<String, Sub> subscriptions = new ConcurrentHashMap<>();
  private final ExecutorService callbacks;
  private final ScheduledExecutorService reconnector;
  private final AtomicInteger connects = new AtomicInteger();
  private volatile boolean closed;
  private volatile boolean connected;
  private long backoffNanos;

  /**
   * Creates the link; call {@link #start()} to connect.
   *
   * @param will supplies the Will for each new connection (null for none), so a birth/death
   *     sequence number can be renewed
   */
  public MqttLink(MqttSettings settings, Supplier<Will> will, ConnectionListener listener)
      throws LinkDownException {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.will = will;
    this.connectionListener = listener;
    try {
      this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new LinkDownException("bad MQTT broker URL '" + settings.serverUri() + "': " + e.getMessage(), e);
    }
    String name = "mqtt " + settings.clientId();
    this.callbacks = Executors.newSingleThreadExecutor(r -> daemon(r, name + " callbacks"));
    this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + " reconnect"));
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        onLost(cause == null ? "connection lost" : describe(cause));
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        callbacks.execute(() -> dispatch(topic, payload));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
        // QoS 1 completion is awaited by whoever needs it
      }
    });
  }

  /**
   * Connects once, waiting up to the connect timeout, then keeps the connection up in the
   * background.
   *
   * @throws LinkDownException if the first attempt fails; the link keeps trying anyway
   */
  public void start() throws LinkDownException {
    backoffNanos = settings.reconnectMin().toNanos();
    try {
      connectOnce();
    } catch (MqttException e) {
      scheduleReconnect();
      throw new LinkDownException("cannot connect to MQTT broker " + settings.serverUri() + ": "
          + describe(e), e);
    }
  }

  /** Starts connecting in the background without waiting. */
  public void startInBackground() {
    backoffNanos = settings.reconnectMin().toNanos();
    reconnector.execute(this::reconnect);
  }

  public boolean isConnected() {
    return connected && client.isConnected();
  }

  public String serverUri() {
    return settings.serverUri();
  }

  public String clientId() {
    return settings.clientId();
  }

  private synchronized void connectOnce() throws MqttException {
    if (closed || client.isConnected()) {
      return;
    }
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setAutomaticReconnect(false);
    o.setKeepAliveInterval(settings.keepAliveSeconds());
    o.setMaxInflight(settings.maxInflight());
    o.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
    if (settings.username() != null) {
      o.setUserName(settings.username());
    }
    if (settings.password() != null) {
      o.setPassword(settings.password());
    }
    if (settings.socketFactory() != null) {
      o.setSocketFactory(settings.socketFactory());
    } else if (settings.serverUri().startsWith("tcp://")) {
      o.setSocketFactory(new NoDelaySocketFactory());
    }
    Will w = will == null ? null : will.get();
    if (w != null) {
      o.setWill(w.topic(), w.payload(), w.qos(), w.retained());
    }
    long timeoutMs = settings.connectTimeout().toMillis();
    client.connect(o).waitForCompletion(timeoutMs);
    for (Map.Entry<String, Sub> s : subscriptions.entrySet()) {
      subscribeNow(s.getKey(), s.getValue().qos(), timeoutMs);
    }
    connected = true;
    backoffNanos = settings.reconnectMin().toNanos();
    boolean again = connects.getAndIncrement() > 0;
    log.debug("{} connected to {} (reconnect={})", settings.clientId(), settings.serverUri(), again);
    if (connectionListener != null) {
      callbacks.execute(() -> connectionListener.onConnected(again));
    }
  }

  private void onLost(String reason) {
    boolean was = connected;
    connected = false;
    if (closed) {
      return;
    }
    log.warn("{}: MQTT connection to {} lost: {}", settings.clientId(), settings.serverUri(), reason);
    if (was && connectionListener != null) {
      callbacks.execute(() -> connectionListener.onConnectionLost(reason));
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed) {
      return;
    }
    long delay = backoffNanos;
    backoffNanos = Math.min(settings.reconnectMax().toNanos(), Math.max(delay * 2, 1));
    try {
      reconnector.schedule(this::reconnect, delay, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  private void reconnect() {
    if (closed || client.isConnected()) {
      return;
    }
    try {
      connectOnce();
    } catch (MqttException e) {
      log.debug("{}: reconnect to {} failed: {}", settings.clientId(), settings.serverUri(), describe(e));
      if (client.isConnected()) {
        // connected but a subscription failed: drop the connection so it is redone whole
        try {
          client.disconnectForcibly(100, 100);
        } catch (MqttException ignored) {
          // already gone
        }
        connected = false;
      }
      scheduleReconnect();
    }
  }

  /**
   * Subscribes now (if connected) and after every reconnect.
   *
   * @throws LinkDownException if connected and the broker refuses; the subscription is still
   *     remembered and retried on the next connection
   */
  public void subscribe(String filter, int qos, MessageHandler handler) throws LinkDownException {
    subscriptions.put(filter, new Sub(qos, handler));
    if (isConnected()) {
      try {
        subscribeNow(filter, qos, settings.connectTimeout().toMillis());
      } catch (MqttException e) {
        throw new LinkDownException("subscribe to " + filter + " failed: " + describe(e), e);
      }
    }
  }

  /** Subscribes and waits; a broker's refusal (granted QoS 0x80) fails like any other error. */
  private void subscribeNow(String filter, int qos, long timeoutMs) throws MqttException {
    IMqttToken t = client.subscribe(filter, qos);
    t.waitForCompletion(timeoutMs);
    int[] granted = t.getGrantedQos();
    if (granted != null && granted.length > 0 && granted[0] == 0x80) {
      // Paho reports a refused subscription as success; the broker's ACL said no
      throw new MqttException(MqttException.REASON_CODE_NOT_AUTHORIZED,
          new IllegalStateException("the broker refused the subscription to " + filter));
    }
  }

  public void unsubscribe(String filter) {
    subscriptions.remove(filter);
    if (isConnected()) {
      try {
        client.unsubscribe(filter);
      } catch (MqttException e) {
        log.debug("unsubscribe {} failed: {}", filter, describe(e));
      }
    }
  }

  /**
   * Publishes without waiting for the broker (QoS 1 still completes in the background).
   *
   * @throws LinkBusyException if the in-flight window stayed full for 200 ms
   * @throws LinkDownException if not connected; nothing is queued
   */
  public void publish(String topic, byte[] payload, int qos, boolean retained) throws LinkDownException {
    publishToken(topic, payload, qos, retained);
  }

  /**
   * Publishes and waits until the broker has it (for QoS 1: PUBACK), for a limited time.
   *
   * @throws LinkDownException if not connected or not confirmed in time
   */
  public void publishAndWait(String topic, byte[] payload, int qos, boolean retained, long timeoutMs)
      throws LinkDownException {
    IMqttToken t = publishToken(topic, payload, qos, retained);
    try {
      t.waitForCompletion(timeoutMs);
    } catch (MqttException e) {
      throw new LinkDownException("publish to " + topic + " not confirmed: " + describe(e), e);
    }
  }

  private IMqttToken publishToken(String topic, byte[] payload, int qos, boolean retained)
      throws LinkDownException {
    long giveUp = 0;
    while (true) {
      if (closed || !isConnected()) {
        throw new LinkDownException("MQTT link " + settings.clientId() + " to "
            + settings.serverUri() + " is down; not sent to " + topic);
      }
      try {
        return client.publish(topic, payload, qos, retained);
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
          throw new LinkDownException("publish to " + topic + " failed: " + describe(e), e);
        }
        long now = System.nanoTime();
        if (giveUp == 0) {
          giveUp = now + BUSY_WAIT_NANOS;
        } else if (now > giveUp) {
          throw new LinkBusyException("publish to " + topic + ": in-flight window full", e);
        }
        LockSupport.parkNanos(50_000);
      }
    }
  }

  private void dispatch(String topic, byte[] payload) {
    for (Map.Entry<String, Sub> s : subscriptions.entrySet()) {
      if (matches(s.getKey(), topic)) {
        try {
          s.getValue().handler().onMessage(topic, payload);
        } catch (RuntimeException e) {
          log.error("handler for {} failed on {}", s.getKey(), topic, e);
        }
      }
    }
  }

  /** MQTT topic filter matching with {@code +} and {@code #}. */
  static boolean matches(String filter, String topic) {
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true;
      }
      if (i >= t.length) {
        return false;
      }
      if (!f[i].equals("+") && !f[i].equals(t[i])) {
        return false;
      }
    }
    return f.length == t.length;
  }

  /**
   * Publishes {@code last} (if given, e.g. a retained "offline" state) and disconnects cleanly;
   * a clean disconnect does not fire the Will, so the last message says goodbye instead.
   */
  public void close(Will last) {
    if (closed) {
      return;
    }
    if (last != null && isConnected()) {
      try {
        publishAndWait(last.topic(), last.payload(), last.qos(), last.retained(), 1000);
      } catch (LinkDownException e) {
        log.debug("goodbye message not sent: {}", e.getMessage());
      }
    }
    closed = true;
    connected = false;
    reconnector.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect(500).waitForCompletion(1000);
      }
    } catch (MqttException e) {
      try {
        client.disconnectForcibly(100, 100);
      } catch (MqttException ignored) {
        // gone
      }
    }
    try {
      client.close();
    } catch (MqttException ignored) {
      // already closed
    }
    callbacks.shutdown();
  }

  @Override
  public void close() {
    close(null);
  }

  private static String describe(Throwable e) {
    if (e instanceof MqttException m) {
      String msg = m.getMessage();
      Throwable c = m.getCause();
      return msg + " (code " + m.getReasonCode() + ")" + (c != null ? ": " + c : "");
    }
    return e.toString();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
