package org.dpem.controller.federation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.dpem.driver.SigningKey;
import org.dpem.driver.transport.LinkDownException;
import org.dpem.driver.transport.MqttLink;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.learning.federated.ClientUpdate;
import org.dpem.protocol.signing.SignatureVerifier;
import org.dpem.protocol.signing.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Federation over an MQTT broker, the same one the devices use (PROTOCOL.md, "Federation"):
 * rounds on {@code PREFIX/fed/round} (QoS 1, retained, so an agent that connects mid-round
 * still gets it), updates on {@code PREFIX/fed/update/AGENT} (QoS 1), the aggregator's presence
 * on {@code PREFIX/fed/aggregator}. Every message is signed with its sender's key; an update from
 * an unknown key, with a bad MAC, a replayed counter, or signed with another agent's key is
 * dropped and counted. Each end is its own {@link MqttLink}, which reconnects and resubscribes
 * by itself.
 */
public final class MqttFederationTransport implements FederationTransport {
  private static final Logger LOG = LoggerFactory.getLogger(MqttFederationTransport.class);
  private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  /** A receiver starting afresh refuses counters older than this (clock microseconds). */
  private static final long REPLAY_WINDOW_MICROS = 5 * 60 * 1_000_000L;
  private static final long PUBLISH_TIMEOUT_MS = 5_000;

  private final MqttSettings settings;
  private final String prefix;
  private final FederationKeys keys;
  private final List<MqttLink> links = new ArrayList<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong sentBytes = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  /**
   * @param settings the broker and connection settings; each end gets its own client id from them
   * @param prefix the site's topic prefix, e.g. {@code dpem}
   */
  public MqttFederationTransport(MqttSettings settings, String prefix, FederationKeys keys) {
    if (!prefix.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")) {
      throw new IllegalArgumentException("topic prefix '" + prefix + "' must be levels of [A-Za-z0-9_.-]");
    }
    this.settings = settings;
    this.prefix = prefix;
    this.keys = keys;
  }

  String roundTopic() {
    return prefix + "/fed/round";
  }

  String updateTopic(String agent) {
    return prefix + "/fed/update/" + agent;
  }

  String presenceTopic() {
    return prefix + "/fed/aggregator";
  }

  @Override
  public AggregatorEnd openAggregator(Consumer<ClientUpdate> updates, Runnable reconnected) throws FederationException {
    SigningKey own = keys.aggregator().orElseThrow(() -> new FederationException(
        "the federation key file has no '" + FederationKeys.AGGREGATOR + "' key to sign rounds with"));
    SignatureVerifier verifier = new SignatureVerifier().setFloor(ClockCounter.nowMicros() - REPLAY_WINDOW_MICROS);
    for (String agent : keys.agents()) {
      SigningKey k = keys.key(agent).orElseThrow();
      verifier.addKey(k.keyId(), k.key());
    }
    ClockCounter counter = new ClockCounter();
    MqttLink.Will will = new MqttLink.Will(presenceTopic(), bytes("offline"), 1, true);
    MqttLink link = link(settings.clientId() + "-fed-aggregator", will, reconnected, l -> {
      try {
        l.publish(presenceTopic(), bytes("online"), 1, true);
      } catch (LinkDownException e) {
        LOG.debug("aggregator presence not published: {}", e.getMessage());
      }
    });
    subscribe(link, prefix + "/fed/update/+", (topic, payload) -> {
      try {
        // sender, key and topic must agree before the signature check records the counter:
        // otherwise a copy of one agent's update sent on another's topic, arriving first, would
        // make the original a replay
        FedCodec.requireKind(payload, FedCodec.UPDATE);
        ClientUpdate u = FedCodec.decodeUpdate(payload);
        String owner = keys.owner(FedCodec.keyId(payload)).orElse("?");
        if (!owner.equals(u.agent()) || !topic.equals(updateTopic(u.agent()))) {
          throw new FedCodec.Rejected("signed with " + owner + "'s key but sent as " + u.agent() + " on " + topic);
        }
        FedCodec.verify(payload, FedCodec.UPDATE, verifier);
        updates.accept(u);
      } catch (FedCodec.Rejected e) {
        rejected.incrementAndGet();
        LOG.warn("federation update on {} dropped: {}", topic, e.getMessage());
      }
    });
    return round -> publish(link, roundTopic(), FedCodec.encodeRound(round, counter.signer(own)), true);
  }

  @Override
  public AgentEnd openAgent(String agentId, Consumer<RoundAnnouncement> rounds, Runnable reconnected)
      throws FederationException {
    if (!LEVEL.matcher(agentId).matches()) {
      throw new FederationException("agent id '" + agentId + "' must be 1-128 characters of [A-Za-z0-9_.-]");
    }
    SigningKey own = keys.key(agentId).orElseThrow(() -> new FederationException(
        "the federation key file has no key for agent '" + agentId + "'"));
    SigningKey aggregator = keys.aggregator().orElseThrow(() -> new FederationException(
        "the federation key file has no '" + FederationKeys.AGGREGATOR + "' key to check rounds with"));
    SignatureVerifier verifier = new SignatureVerifier().setFloor(ClockCounter.nowMicros() - REPLAY_WINDOW_MICROS)
        .addKey(aggregator.keyId(), aggregator.key());
    ClockCounter counter = new ClockCounter();
    MqttLink link = link(settings.clientId() + "-fed-" + agentId, null, reconnected, l -> { });
    subscribe(link, roundTopic(), (topic, payload) -> {
      try {
        FedCodec.verify(payload, FedCodec.ROUND, verifier);
        rounds.accept(FedCodec.decodeRound(payload));
      } catch (FedCodec.Rejected e) {
        // a retained round seen before comes back on every reconnect: a replay, quietly
        rejected.incrementAndGet();
        LOG.debug("federation round dropped: {}", e.getMessage());
      }
    });
    return update -> {
      if (!update.agent().equals(agentId)) {
        throw new IllegalArgumentException("agent " + agentId + " cannot send " + update.agent() + "'s update");
      }
      publish(link, updateTopic(agentId), FedCodec.encodeUpdate(update, counter.signer(own)), false);
    };
  }

  private MqttLink link(String clientId, MqttLink.Will will, Runnable reconnected, Consumer<MqttLink> onConnect)
      throws FederationException {
    MqttLink[] self = new MqttLink[1];
    MqttLink link;
    try {
      link = new MqttLink(settings.withClientId(clientId), () -> will, new MqttLink.ConnectionListener() {
        @Override
        public void onConnected(boolean reconnect) {
          onConnect.accept(self[0]);
          if (reconnect && reconnected != null) {
            reconnected.run();
          }
        }

        @Override
        public void onConnectionLost(String reason) {
          LOG.warn("federation link {} lost: {}", clientId, reason);
        }
      });
    } catch (LinkDownException e) {
      throw new FederationException(e.getMessage(), e);
    }
    self[0] = link;
    synchronized (links) {
      links.add(link);
    }
    try {
      link.start();
    } catch (LinkDownException e) {
      // the link keeps trying in the background: a broker that comes up later is fine
      LOG.warn("federation link {}: {}; retrying in the background", clientId, e.getMessage());
    }
    return link;
  }

  private static void subscribe(MqttLink link, String filter, MqttLink.MessageHandler h) throws FederationException {
    try {
      link.subscribe(filter, 1, h);
    } catch (LinkDownException e) {
      // remembered and restored on the next connection
      LOG.debug("subscription to {} deferred: {}", filter, e.getMessage());
    }
  }

  private void publish(MqttLink link, String topic, byte[] payload, boolean retained) throws FederationException {
    try {
      link.publishAndWait(topic, payload, 1, retained, PUBLISH_TIMEOUT_MS);
      sent.incrementAndGet();
      sentBytes.addAndGet(payload.length);
    } catch (LinkDownException e) {
      throw new FederationException(e.getMessage(), e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public TransportStats stats() {
    return new TransportStats(sent.get(), sentBytes.get(), rejected.get());
  }

  @Override
  public void close() {
    synchronized (links) {
      for (MqttLink l : links) {
        boolean aggregator = l.clientId().endsWith("-fed-aggregator");
        l.close(aggregator ? new MqttLink.Will(presenceTopic(), bytes("offline"), 1, true) : null);
      }
      links.clear();
    }
  }

  /** Signing counters from the clock in microseconds, strictly increasing, as FWP/1 section 6 asks. */
  static final class ClockCounter {
    private long last;

    static long nowMicros() {
      java.time.Instant now = java.time.Instant.now();
      return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    synchronized Signer signer(SigningKey key) {
      last = Math.max(last + 1, nowMicros());
      return new Signer(key.keyId(), key.key(), last);
    }
  }
}
