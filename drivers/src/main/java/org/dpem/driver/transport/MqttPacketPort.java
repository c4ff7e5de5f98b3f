package org.dpem.driver.transport;

import java.nio.charset.StandardCharsets;
import org.dpem.protocol.DecodeCounters;
import org.dpem.protocol.DecodeResult;
import org.dpem.protocol.PacketCodec;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FWP/1 over MQTT: one packet per message (no COBS), the topic chosen by message type as
 * {@link MqttTopics} lays out. One port owns one {@link MqttLink}.
 *
 * <p>As {@link Role#DEVICE} it registers the Last Will {@code lost} on the retained state topic;
 * as {@link Role#HOST} it registers {@code offline} on the device's retained controller topic and
 * publishes {@code online} on every (re)connect, so a device learns within milliseconds that its
 * controller died. {@link Role#OBSERVER} (the lab tool) talks to the device without claiming to be
 * its controller.
 */
public final class MqttPacketPort implements PacketPort {
  private static final Logger log = LoggerFactory.getLogger(MqttPacketPort.class);

  /** Which end of the conversation this port is. */
  public enum Role { HOST, OBSERVER, DEVICE }

  private final MqttSettings settings;
  private final MqttTopics topics;
  private final Role role;
  private final PacketCodec codec;
  private final DecodeCounters counters = new DecodeCounters();
  private final MqttLink link;
  private volatile Receiver receiver;
  private volatile String state = "connecting";

  public MqttPacketPort(MqttSettings settings, MqttTopics topics, Role role, PacketCodec codec)
      throws LinkDownException {
    this.settings = settings;
    this.topics = topics;
    this.role = role;
    this.codec = codec;
    this.link = new MqttLink(settings, this::will, new MqttLink.ConnectionListener() {
      @Override
      public void onConnected(boolean reconnect) {
        connected();
      }

      @Override
      public void onConnectionLost(String reason) {
        receiver.onDown("MQTT broker " + settings.serverUri() + ": " + reason);
      }
    });
  }

  private MqttLink.Will will() {
    return switch (role) {
      case DEVICE -> new MqttLink.Will(topics.state(), text("lost"), 1, true);
      case HOST -> new MqttLink.Will(topics.controller(), text("offline"), 1, true);
      case OBSERVER -> null;
    };
  }

  public MqttTopics topics() {
    return topics;
  }

  public Role role() {
    return role;
  }

  /** The underlying link (for tests and diagnostics). */
  public MqttLink link() {
    return link;
  }

  @Override
  public void start(Receiver r) {
    subscribeAll(r);
    link.startInBackground();
  }

  /** Connects now, waiting up to the connect timeout; keeps trying in the background if it fails. */
  public void startNow(Receiver r) throws LinkDownException {
    subscribeAll(r);
    link.start();
  }

  private void subscribeAll(Receiver r) {
    this.receiver = r;
    try {
      if (role == Role.DEVICE) {
        link.subscribe(topics.commandAll(), 1, this::onPacketMessage);
        link.subscribe(topics.toDevice(), 1, this::onPacketMessage);
        link.subscribe(topics.controller(), 1, (t, p) -> presence(p));
      } else {
        link.subscribe(topics.responseAll(), 1, this::onPacketMessage);
        link.subscribe(topics.toHost(), 1, this::onPacketMessage);
        link.subscribe(topics.descAll(), 1, this::onPacketMessage);
        link.subscribe(topics.telemetry(), 0, this::onPacketMessage);
        link.subscribe(topics.events(), 1, this::onPacketMessage);
        link.subscribe(topics.fault(), 1, this::onPacketMessage);
        link.subscribe(topics.state(), 1, (t, p) -> presence(p));
      }
    } catch (LinkDownException e) {
      // not connected yet: remembered and applied on connect
    }
  }

  private void connected() {
    try {
      if (role == Role.HOST) {
        link.publish(topics.controller(), text("online"), 1, true);
      } else if (role == Role.DEVICE) {
        link.publish(topics.state(), text(state), 1, true);
      }
    } catch (LinkDownException e) {
      log.debug("birth message not sent: {}", e.getMessage());
    }
    receiver.onUp();
  }

  private void presence(byte[] payload) {
    if (payload.length > 0) {
      receiver.onPeerPresence(new String(payload, StandardCharsets.UTF_8));
    }
  }

  private void onPacketMessage(String topic, byte[] payload) {
    if (payload.length == 0) {
      return; // a withdrawn retained message
    }
    DecodeResult r = codec.decode(payload);
    counters.record(r);
    if (r instanceof DecodeResult.Accepted a) {
      receiver.onPacket(a.packet());
    } else {
      receiver.onReject((DecodeResult.Rejected) r);
    }
  }

  @Override
  public void send(Message m, byte[] packet) throws LinkDownException {
    MessageType type = m.type();
    if (role == Role.DEVICE) {
      switch (type) {
        case COMMAND_ACK -> link.publish(topics.response(((Message.CommandAck) m).cmdSeq()), packet, 1, false);
        case TELEMETRY -> link.publish(topics.telemetry(), packet, 0, false);
        case HERALD, SWAP_OUTCOME, PAIR_DELIVERED -> link.publish(topics.events(), packet, 1, false);
        case FAULT -> link.publish(topics.fault(), packet, 1, true);
        case DEVICE_INFO -> link.publish(topics.descInfo(), packet, 1, true);
        case PARAM_DESCRIPTOR -> link.publish(
            topics.descParam(((Message.ParamDescriptor) m).name()), packet, 1, true);
        case HEARTBEAT -> link.publish(topics.toHost(), packet, 0, false);
        default -> link.publish(topics.toHost(), packet, 1, false);
      }
    } else {
      switch (type) {
        case COMMAND -> link.publish(topics.command(((Message.Command) m).cmdSeq()), packet, 1, false);
        case CANCEL -> link.publish(topics.command(((Message.Cancel) m).cmdSeq()), packet, 1, false);
        case HEARTBEAT -> link.publish(topics.toDevice(), packet, 0, false);
        default -> link.publish(topics.toDevice(), packet, 1, false);
      }
    }
  }

  @Override
  public void announceState(String s) {
    if (role != Role.DEVICE || s.equals(state)) {
      return;
    }
    state = s;
    try {
      link.publish(topics.state(), text(s), 1, true);
    } catch (LinkDownException e) {
      // republished on reconnect
    }
  }

  @Override
  public void withdrawFault() {
    if (role == Role.DEVICE) {
      try {
        link.publish(topics.fault(), new byte[0], 1, true);
      } catch (LinkDownException e) {
        log.debug("retained fault not withdrawn: {}", e.getMessage());
      }
    }
  }

  @Override
  public boolean isUp() {
    return link.isConnected();
  }

  @Override
  public DecodeCounters counters() {
    return counters;
  }

  @Override
  public String describe() {
    return "mqtt " + settings.serverUri() + " " + topics.base();
  }

  @Override
  public void close() {
    MqttLink.Will goodbye = switch (role) {
      case DEVICE -> new MqttLink.Will(topics.state(), text("offline"), 1, true);
      case HOST -> new MqttLink.Will(topics.controller(), text("offline"), 1, true);
      case OBSERVER -> null;
    };
    link.close(goodbye);
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
