package org.dpem.sim.firmware;

import java.time.Duration;
import java.util.Objects;
import org.dpem.driver.SigningKey;
import org.dpem.protocol.message.Schema;

/**
 * How virtual firmware behaves.
 *
 * @param address its header address (1..254)
 * @param heartbeatInterval how often it sends HEARTBEAT and checks the host's
 * @param telemetryInterval how often it sends TELEMETRY
 * @param faultResendInterval how often an unacknowledged latched FAULT is sent again
 * @param signingKey when set, actuating commands and CLEAR_FAULT must be signed with it (stopping
 *     commands are always accepted, signed or not, because stopping must always be possible)
 * @param schemaHash the schema hash it claims (tests use a wrong one to check read-only mode)
 * @param model model text for DEVICE_INFO
 * @param firmware firmware version text for DEVICE_INFO
 */
public record FirmwareConfig(int address, Duration heartbeatInterval, Duration telemetryInterval,
    Duration faultResendInterval, SigningKey signingKey, int schemaHash, String model,
    String firmware) {
  public FirmwareConfig {
    if (address < 1 || address > 254) {
      throw new IllegalArgumentException("device address must be 1..254, got " + address);
    }
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(telemetryInterval, "telemetryInterval");
    Objects.requireNonNull(faultResendInterval, "faultResendInterval");
  }

  /** Heartbeats every 100 ms, telemetry every 200 ms, faults re-sent every 200 ms, unsigned. */
  public static FirmwareConfig defaults() {
    return new FirmwareConfig(1, Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(200), null, Schema.hash(), "DPEM virtual firmware", "vfw-0.1");
  }

  public FirmwareConfig withSigningKey(SigningKey key) {
    return new FirmwareConfig(address, heartbeatInterval, telemetryInterval, faultResendInterval,
        key, schemaHash, model, firmware);
  }

  public FirmwareConfig withSchemaHash(int hash) {
    return new FirmwareConfig(address, heartbeatInterval, telemetryInterval, faultResendInterval,
        signingKey, hash, model, firmware);
  }

  public FirmwareConfig withTelemetryInterval(Duration d) {
    return new FirmwareConfig(address, heartbeatInterval, d, faultResendInterval, signingKey,
        schemaHash, model, firmware);
  }
}
