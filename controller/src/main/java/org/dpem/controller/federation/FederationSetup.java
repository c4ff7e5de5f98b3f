package org.dpem.controller.federation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.dpem.config.controller.FederationConfig;
import org.dpem.hal.time.TimeBase;
import org.dpem.learning.federated.DpFedAvg;
import org.dpem.learning.federated.FedAvgSettings;
import org.dpem.learning.federated.Robust;

/** Builds the aggregator's parts from the config. */
public final class FederationSetup {
  private FederationSetup() {}

  public static FedAvgSettings settings(FederationConfig f) {
    Robust rule = switch (f.rule()) {
      case MEAN -> Robust.NONE;
      case NORM_BOUND -> Robust.NORM_BOUND;
      case TRIMMED_MEAN -> Robust.TRIMMED_MEAN;
      case MEDIAN -> Robust.MEDIAN;
    };
    return new FedAvgSettings(f.clipNorm(), f.noiseMultiplier(), f.samplingRate(), f.serverLearningRate(),
        f.serverMomentum(), rule, f.trimFraction(), Math.min(f.normBound(), f.clipNorm()), f.delta(),
        f.epsilonBudget());
  }

  /**
   * A coordinator over {@code transport} for the agents in {@code keys}, a round every
   * {@code every_epochs} epochs of {@code epochMs} of wall time. Round ids start from the wall
   * clock in milliseconds, so that a restarted aggregator never reuses one and a replayed old
   * update is stale. The privacy spent continues from the config's {@code privacy_file}.
   */
  public static FederationCoordinator coordinator(FederationConfig f, int epochMs, FederationKeys keys,
      FederationTransport transport, TimeBase time) throws java.io.IOException {
    PrivacyLedger ledger = new PrivacyLedger(f.privacyFile());
    PrivacyLedger.Spent spent = ledger.load();
    DpFedAvg fedAvg = new DpFedAvg(settings(f), new float[NodeDemandTrainer.PARAMETERS], spent.accountant(),
        new SecureRandom(), Math.max(Clock.systemUTC().millis(), spent.lastRound()));
    return new FederationCoordinator(fedAvg, keys.agents(), transport, time,
        Duration.ofMillis((long) f.everyEpochs() * epochMs), Duration.ofMillis(f.roundTimeoutMs())).recording(ledger);
  }
}
