package org.dpem.driver.transport;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The MQTT topics of one device under a prefix (see PROTOCOL.md, "MQTT topic layout").
 *
 * @param prefix the site prefix, e.g. {@code dpem}; no wildcards, no leading or trailing slash
 * @param deviceId the device id
 */
public record MqttTopics(String prefix, String deviceId) {
  private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

  public MqttTopics {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(deviceId, "deviceId");
    if (!LEVEL.matcher(prefix).matches()) {
      throw new IllegalArgumentException("MQTT topic prefix '" + prefix
          + "' must be levels of letters, digits, '_', '.', '-' separated by '/'");
    }
    if (!LEVEL.matcher(deviceId).matches() || deviceId.contains("/")) {
      throw new IllegalArgumentException("device id '" + deviceId + "' is not a topic level");
    }
  }

  /** {@code PREFIX/DEVICE}. */
  public String base() {
    return prefix + "/" + deviceId;
  }

  /** Retained text: connecting, ready, degraded, fault, safe; Last Will {@code lost}. */
  public String state() {
    return base() + "/state";
  }

  /** Retained DEVICE_INFO packet. */
  public String descInfo() {
    return base() + "/desc/info";
  }

  /** Retained PARAM_DESCRIPTOR packet for parameter {@code name}. */
  public String descParam(String name) {
    return base() + "/desc/param/" + name;
  }

  /** Filter for every retained description packet. */
  public String descAll() {
    return base() + "/desc/#";
  }

  /** TELEMETRY, QoS 0. */
  public String telemetry() {
    return base() + "/tele";
  }

  /** HERALD, SWAP_OUTCOME, PAIR_DELIVERED, QoS 1. */
  public String events() {
    return base() + "/evt";
  }

  /** Retained latest FAULT packet; an empty retained message clears it. */
  public String fault() {
    return base() + "/fault";
  }

  /** COMMAND or CANCEL for {@code cmdSeq}, QoS 1. */
  public String command(long cmdSeq) {
    return base() + "/cmd/" + cmdSeq;
  }

  public String commandAll() {
    return base() + "/cmd/+";
  }

  /** COMMAND_ACK for {@code cmdSeq}, QoS 1. */
  public String response(long cmdSeq) {
    return base() + "/rsp/" + cmdSeq;
  }

  public String responseAll() {
    return base() + "/rsp/+";
  }

  /** Host to device: HELLO, HEARTBEAT, TIME_SYNC, FAULT_ACK, PROTOCOL_ERROR (QoS 0 heartbeats). */
  public String toDevice() {
    return base() + "/down";
  }

  /** Device to host: DEVICE_INFO, PARAM_DESCRIPTOR, HEARTBEAT, TIME_SYNC, PROTOCOL_ERROR. */
  public String toHost() {
    return base() + "/up";
  }

  /** Retained text {@code online} / {@code offline} (the controller's Last Will). */
  public String controller() {
    return base() + "/controller";
  }
}
