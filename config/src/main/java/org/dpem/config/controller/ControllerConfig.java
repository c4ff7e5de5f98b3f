package org.dpem.config.controller;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.dpem.config.BrokerRef;

/**
 * How the controller runs.
 *
 * @param policy allocation policy
 * @param epochMs control epoch length
 * @param kPaths candidate paths per request (Yen's k shortest loopless paths)
 * @param agents learning agents (policy dpem)
 * @param federation federated averaging
 * @param admin admin socket
 * @param broker the MQTT broker the controller uses (and starts, when embedded)
 * @param journal journal file; relative paths written in a config resolve against its directory
 * @param metrics metrics export
 * @param greedy the {@code greedy} baseline's parameters
 * @param greedyTuned {@code greedy-tuned}'s parameters
 * @param stockForecaster the forecaster {@code predictive-greedy} sizes link stocks with
 *     (controller.predictive_greedy.forecaster), one series per link, stepped every epoch
 * @param signingKeyFile when present, every command to a serial or MQTT device is signed with the
 *     key in this owner-only file ({@code KEYID:HEX}; generated if missing), and the devices the
 *     controller serves itself refuse unsigned actuation and unsigned CLEAR_FAULT
 */
public record ControllerConfig(Policy policy, int epochMs, int kPaths, AgentsConfig agents, FederationConfig federation,
    AdminConfig admin, BrokerRef broker, Path journal, MetricsConfig metrics, GreedyConfig greedy,
    GreedyConfig greedyTuned, Forecaster stockForecaster, Optional<Path> signingKeyFile) {

  public static final Path DEFAULT_JOURNAL = Path.of("dpem.journal");

  public static final ControllerConfig DEFAULT = new ControllerConfig(Policy.GREEDY, 100, 4, AgentsConfig.DEFAULT,
      FederationConfig.DEFAULT, AdminConfig.DEFAULT, BrokerRef.EMBEDDED, DEFAULT_JOURNAL, MetricsConfig.DEFAULT,
      GreedyConfig.DEFAULT, GreedyConfig.TUNED, Forecaster.EWMA, Optional.empty());

  public ControllerConfig {
    Objects.requireNonNull(policy);
    Objects.requireNonNull(agents);
    Objects.requireNonNull(federation);
    Objects.requireNonNull(admin);
    Objects.requireNonNull(broker);
    Objects.requireNonNull(journal);
    Objects.requireNonNull(metrics);
    Objects.requireNonNull(signingKeyFile);
    Objects.requireNonNull(greedy);
    Objects.requireNonNull(greedyTuned);
    Objects.requireNonNull(stockForecaster);
  }
}
