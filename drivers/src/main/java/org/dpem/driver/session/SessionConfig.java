package org.dpem.driver.session;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing and identity of one host-side device session.
 *
 * @param hostId the host's name in HELLO (for the device's logs)
 * @param deviceAddress the device's header address (1..254)
 * @param heartbeatInterval how often the host sends HEARTBEAT and checks the device's
 * @param deadman silence after which the device must go SAFE; sent in every host heartbeat.
 *     Zero: this host is not the device's controller (a lab tool) and sends no heartbeats at all,
 *     since any host heartbeat arms the device's watchdog; a session with a non-zero dead-man is
 *     a controller and orders its devices SAFE when it closes.
 * @param lostAfter device silence after which the host declares it LOST
 * @param helloInterval how often HELLO is repeated until DEVICE_INFO arrives
 * @param ackTimeout how long one attempt waits for COMMAND_ACK
 * @param attempts sends per command (the same cmd_seq each time), at least 1
 * @param resumeAfterWatchdog whether, after the link returns, the session clears a SAFE state the
 *     device entered only because its dead-man watchdog fired (outputs stay off; the controller
 *     re-issues what it wants)
 * @param timeSync how often the host measures the device's clock offset again (TIME_SYNC,
 *     PROTOCOL.md 10.6), so that deadlines follow a drifting device clock
 */
public record SessionConfig(String hostId, int deviceAddress, Duration heartbeatInterval,
    Duration deadman, Duration lostAfter, Duration helloInterval, Duration ackTimeout, int attempts,
    boolean resumeAfterWatchdog, Duration timeSync) {

  public SessionConfig {
    Objects.requireNonNull(hostId, "hostId");
    if (deviceAddress < 1 || deviceAddress > 254) {
      throw new IllegalArgumentException("device address must be 1..254, got " + deviceAddress);
    }
    if (timeSync.isNegative() || timeSync.isZero()) {
      throw new IllegalArgumentException("time sync interval must be positive, got " + timeSync);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
    }
    if (!deadman.isZero() && deadman.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("dead-man " + deadman.toMillis()
          + " ms must be at least two heartbeat intervals (" + heartbeatInterval.toMillis() + " ms)");
    }
  }

  /**
   * Defaults for a controller: heartbeats every 100 ms, dead-man 500 ms (so a silent controller
   * leaves devices SAFE within 1 s), LOST after 600 ms of device silence, ACK timeout 250 ms,
   * 3 attempts.
   */
  public static SessionConfig controller(String hostId) {
    return new SessionConfig(hostId, 1, Duration.ofMillis(100), Duration.ofMillis(500),
        Duration.ofMillis(600), Duration.ofMillis(200), Duration.ofMillis(250), 3, true,
        Duration.ofSeconds(10));
  }

  /**
   * For the lab tool: same timing, the firmware's default dead-man, no SAFE order on exit and no
   * automatic clearing of a dead-man SAFE state.
   */
  public static SessionConfig labTool(String hostId) {
    return new SessionConfig(hostId, 1, Duration.ofMillis(100), Duration.ZERO,
        Duration.ofMillis(600), Duration.ofMillis(200), Duration.ofMillis(250), 3, false,
        Duration.ofSeconds(10));
  }

  public SessionConfig withAckTimeout(Duration d) {
    return new SessionConfig(hostId, deviceAddress, heartbeatInterval, deadman, lostAfter,
        helloInterval, d, attempts, resumeAfterWatchdog, timeSync);
  }

  public SessionConfig withAttempts(int n) {
    return new SessionConfig(hostId, deviceAddress, heartbeatInterval, deadman, lostAfter,
        helloInterval, ackTimeout, n, resumeAfterWatchdog, timeSync);
  }

  public SessionConfig withTimeSync(Duration d) {
    return new SessionConfig(hostId, deviceAddress, heartbeatInterval, deadman, lostAfter,
        helloInterval, ackTimeout, attempts, resumeAfterWatchdog, d);
  }
}
