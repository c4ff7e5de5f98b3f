package org.dpem.driver.transport;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may connect to the embedded broker and what each may publish and subscribe to (see
 * PROTOCOL.md, "MQTT topic layout"):
 *
 * <ul>
 *   <li>no anonymous clients; user names and passwords from {@link BrokerCredentials};
 *   <li>user {@value BrokerCredentials#CONTROLLER} may publish and subscribe anywhere;
 *   <li>a device user (its device id) may publish only the device-side topics under its own
 *       topic base ({@code PREFIX/DEVICE/state}, {@code desc/...}, {@code tele}, {@code evt},
 *       {@code fault}, {@code up}, {@code rsp/...}) and subscribe only to its own {@code cmd/+},
 *       {@code down} and {@code controller}; it can neither command a device nor speak for the
 *       controller or another device;
 *   <li>a client added with {@link #withClient} (a federation agent) may publish and read exactly
 *       the topics it was given;
 *   <li>any other authenticated user may do nothing.
 * </ul>
 */
public final class BrokerAccess implements IAuthenticator, IAuthorizatorPolicy {
  private static final Set<String> DEVICE_PUBLISHES = Set.of("state", "desc", "tele", "evt", "fault", "up", "rsp");
  private static final Set<String> DEVICE_READS = Set.of("cmd/+", "down", "controller");

  /** A client that is neither controller nor device: the exact topics it may publish and read. */
  private record Other(Set<String> publish, Set<String> read) {}

  private final BrokerCredentials credentials;
  private final Map<String, List<String>> deviceBases;
  private final Map<String, Other> others;
  private final boolean open;

  private BrokerAccess(BrokerCredentials credentials, Map<String, List<String>> deviceBases,
      Map<String, Other> others, boolean open) {
    this.credentials = credentials;
    this.deviceBases = deviceBases;
    this.others = others;
    this.open = open;
  }

  /**
   * The same access plus a client (e.g. a federation agent) that may publish exactly the topics
   * {@code publish} and subscribe exactly the filters {@code read}.
   */
  public BrokerAccess withClient(String user, Collection<String> publish, Collection<String> read) {
    Map<String, Other> m = new java.util.HashMap<>(others);
    m.put(user, new Other(Set.copyOf(publish), Set.copyOf(read)));
    return new BrokerAccess(credentials, deviceBases, Map.copyOf(m), open);
  }

  /**
   * Access by credentials and per-device topics.
   *
   * @param devices the topics of every device that may connect (its device id is its user name)
   */
  public static BrokerAccess of(BrokerCredentials credentials, Collection<MqttTopics> devices) {
    Objects.requireNonNull(credentials, "credentials");
    Map<String, List<String>> bases = new java.util.HashMap<>();
    for (MqttTopics t : devices) {
      bases.computeIfAbsent(t.deviceId(), k -> new java.util.ArrayList<>()).add(t.base() + "/");
    }
    return new BrokerAccess(credentials, Map.copyOf(bases), Map.of(), false);
  }

  /**
   * A broker anyone on the host may use for anything: only for tests and benchmarks that start
   * their own throw-away broker; {@code dpem} commands never use it.
   */
  public static BrokerAccess anyone() {
    return new BrokerAccess(BrokerCredentials.inMemory(List.of()), Map.of(), Map.of(), true);
  }

  /** Whether clients must authenticate. */
  public boolean requiresAuthentication() {
    return !open;
  }

  /** The credentials clients authenticate with. */
  public BrokerCredentials credentials() {
    return credentials;
  }

  @Override
  public boolean checkValid(String clientId, String username, byte[] password) {
    return open || credentials.check(username, password);
  }

  @Override
  public boolean canWrite(Topic topic, String user, String client) {
    if (open || BrokerCredentials.CONTROLLER.equals(user)) {
      return true;
    }
    Other o = user == null ? null : others.get(user);
    if (o != null) {
      return o.publish().contains(topic.toString());
    }
    String rest = under(topic, user);
    if (rest == null) {
      return false;
    }
    int slash = rest.indexOf('/');
    String first = slash < 0 ? rest : rest.substring(0, slash);
    return DEVICE_PUBLISHES.contains(first) && !rest.contains("+") && !rest.contains("#");
  }

  @Override
  public boolean canRead(Topic topic, String user, String client) {
    if (open || BrokerCredentials.CONTROLLER.equals(user)) {
      return true;
    }
    Other o = user == null ? null : others.get(user);
    if (o != null) {
      return o.read().contains(topic.toString());
    }
    String rest = under(topic, user);
    return rest != null && DEVICE_READS.contains(rest);
  }

  /** The part of {@code topic} after one of {@code user}'s device bases, or null. */
  private String under(Topic topic, String user) {
    List<String> bases = user == null ? null : deviceBases.get(user);
    if (bases == null) {
      return null;
    }
    String t = topic.toString();
    for (String base : bases) {
      if (t.startsWith(base) && t.length() > base.length()) {
        return t.substring(base.length());
      }
    }
    return null;
  }
}
