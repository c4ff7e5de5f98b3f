package org.dpem.config.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.dpem.config.BrokerRef;
import org.dpem.config.controller.ActionChoice;
import org.dpem.config.controller.AdminConfig;
import org.dpem.config.controller.AgentsConfig;
import org.dpem.config.controller.ControllerConfig;
import org.dpem.config.controller.FederationConfig;
import org.dpem.config.controller.Forecaster;
import org.dpem.config.controller.GreedyConfig;
import org.dpem.config.controller.GreedyOrder;
import org.dpem.config.controller.MetricsConfig;
import org.dpem.config.controller.Policy;
import org.dpem.config.controller.TlsConfig;

/** Reads the {@code controller} section. */
final class ControllerReader {

  private static final Set<String> BROKER_SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

  private ControllerReader() {}

  static ControllerConfig read(MapReader c, LoadContext ctx) {
    ControllerConfig d = ControllerConfig.DEFAULT;
    Policy policy = c.choice("policy", Policy.class, d.policy());
    int epochMs = c.integer("epoch_ms", d.epochMs(), Bounds.closed(1, 3_600_000));
    int kPaths = c.integer("k_paths", d.kPaths(), Bounds.closed(1, 64));
    AgentsConfig agents = agents(c.map("agents"));
    FederationConfig federation = federation(c.map("federation"), ctx);
    AdminConfig admin = admin(c.map("admin"), ctx);
    BrokerRef broker = c.has("broker") ? broker(c, "broker") : d.broker();
    Path journal = ctx.path(c, "journal", false).orElse(d.journal());
    MetricsConfig metrics = metrics(c.map("metrics"), admin.port());
    GreedyConfig greedy = greedy(c.map("greedy"), d.greedy());
    GreedyConfig tuned = greedy(c.map("greedy_tuned"), d.greedyTuned());
    MapReader pg = c.map("predictive_greedy");
    Forecaster stockForecaster = pg.choice("forecaster", Forecaster.class, d.stockForecaster());
    pg.finish();
    // generated at first start when missing, like the admin token, so it need not exist yet
    Optional<Path> signingKeyFile = ctx.path(c, "signing_key_file", false);
    c.finish();
    return new ControllerConfig(policy, epochMs, kPaths, agents, federation, admin, broker, journal, metrics, greedy,
        tuned, stockForecaster, signingKeyFile);
  }

  private static GreedyConfig greedy(MapReader g, GreedyConfig d) {
    GreedyConfig r = new GreedyConfig(g.number("rate_margin", d.rateMargin(), new Bounds(1, true, 1000, true)),
        g.choice("order", GreedyOrder.class, d.order()));
    g.finish();
    return r;
  }

  private static AgentsConfig agents(MapReader a) {
    AgentsConfig d = AgentsConfig.DEFAULT;
    AgentsConfig r = new AgentsConfig(
        a.integer("forecast_horizon", d.forecastHorizon(), Bounds.closed(1, 10_000)),
        a.integer("history_epochs", d.historyEpochs(), Bounds.closed(1, 100_000)),
        a.choice("forecaster", Forecaster.class, d.forecaster()),
        a.integer("hidden_units", d.hiddenUnits(), Bounds.closed(1, 4096)),
        a.number("learning_rate", d.learningRate(), new Bounds(0, false, 1, true)),
        a.number("discount", d.discount(), Bounds.UNIT),
        a.number("ppo_clip", d.ppoClip(), new Bounds(0, false, 1, true)),
        a.integer("minibatch", d.minibatch(), Bounds.closed(1, 1_000_000)),
        a.number("contention_penalty", d.contentionPenalty(), Bounds.NON_NEGATIVE),
        a.longValue("seed", d.seed()),
        a.number("waste_penalty", d.wastePenalty(), Bounds.NON_NEGATIVE),
        a.integer("rollout_epochs", d.rolloutEpochs(), Bounds.closed(1, 100_000)),
        a.integer("update_epochs", d.updateEpochs(), Bounds.closed(1, 1000)),
        a.number("entropy_coef", d.entropyCoef(), Bounds.NON_NEGATIVE),
        a.number("gae_lambda", d.gaeLambda(), Bounds.UNIT),
        a.integer("imitation_updates", d.imitationUpdates(), Bounds.closed(0, 1_000_000)),
        a.number("teacher_weight", d.teacherWeight(), Bounds.NON_NEGATIVE),
        a.choice("evaluation", ActionChoice.class, d.evaluation()));
    a.finish();
    return r;
  }

  private static FederationConfig federation(MapReader f, LoadContext ctx) {
    FederationConfig d = FederationConfig.DEFAULT;
    double clip = f.number("clip_norm", d.clipNorm(), Bounds.POSITIVE);
    double normBound = f.number("norm_bound", clip, Bounds.POSITIVE);
    if (normBound > clip) {
      f.problem("norm_bound", "norm_bound " + normBound + " may not exceed clip_norm " + clip);
    }
    FederationConfig r = new FederationConfig(
        f.bool("enabled", d.enabled()),
        f.integer("every_epochs", d.everyEpochs(), Bounds.closed(1, 1_000_000)),
        clip,
        f.number("noise_multiplier", d.noiseMultiplier(), Bounds.NON_NEGATIVE),
        f.number("delta", d.delta(), new Bounds(0, false, 1, false)),
        f.number("sampling_rate", d.samplingRate(), new Bounds(0, false, 1, true)),
        f.number("server_learning_rate", d.serverLearningRate(), Bounds.POSITIVE),
        f.number("server_momentum", d.serverMomentum(), new Bounds(0, true, 1, false)),
        f.integer("round_timeout_ms", d.roundTimeoutMs(), Bounds.closed(1, 86_400_000)),
        f.optNumber("epsilon_budget", Bounds.POSITIVE).orElse(d.epsilonBudget()),
        f.choice("rule", org.dpem.config.controller.AggregationRule.class, d.rule()),
        f.number("trim_fraction", d.trimFraction(), new Bounds(0, true, 0.5, false)),
        Math.min(normBound, clip),
        ctx.path(f, "keys", true),
        ctx.path(f, "privacy_file", false)
            .orElse(ctx.baseDir().map(b -> b.resolve(d.privacyFile())).orElse(d.privacyFile())));
    f.finish();
    return r;
  }

  private static AdminConfig admin(MapReader a, LoadContext ctx) {
    AdminConfig d = AdminConfig.DEFAULT;
    String address = a.string("address", d.address());
    int port = a.integer("port", d.port(), Bounds.PORT);
    Optional<String> token = a.optString("token");
    Optional<Path> tokenFile = ctx.path(a, "token_file", true);
    if (token.isPresent() && tokenFile.isPresent()) {
      a.problem("token_file", "give either token or token_file, not both");
    }
    Optional<TlsConfig> tls = Optional.empty();
    if (a.has("tls")) {
      MapReader t = a.map("tls");
      if (!t.has("cert")) t.missing("cert");
      if (!t.has("key")) t.missing("key");
      Optional<Path> cert = ctx.path(t, "cert", true);
      Optional<Path> key = ctx.path(t, "key", true);
      t.finish();
      if (cert.isPresent() && key.isPresent()) tls = Optional.of(new TlsConfig(cert.get(), key.get()));
    }
    a.finish();
    return new AdminConfig(address, port, token, tokenFile, tls);
  }

  private static MetricsConfig metrics(MapReader m, int adminPort) {
    OptionalInt port = m.optInt("prometheus_port", Bounds.PORT);
    if (port.isPresent() && port.getAsInt() == adminPort) {
      m.problem("prometheus_port", "port " + adminPort + " is already the admin socket's (controller.admin.port)");
    }
    m.finish();
    return new MetricsConfig(port);
  }

  /** {@code embedded}, or a broker URL {@code tcp|ssl|ws|wss://host[:port]}. */
  static BrokerRef broker(MapReader m, String key) {
    Optional<String> text = m.optString(key);
    if (text.isEmpty()) return BrokerRef.EMBEDDED;
    String v = text.get().strip();
    if (v.equals("embedded")) return BrokerRef.EMBEDDED;
    try {
      URI u = new URI(v);
      if (u.getScheme() == null || !BROKER_SCHEMES.contains(u.getScheme())) {
        m.problem(key, "expected 'embedded' or a broker URL tcp://host:port (or ssl://, ws://, wss://), got '" + v + "'");
      } else if (u.getHost() == null) {
        m.problem(key, "broker URL '" + v + "' has no host");
      } else if (u.getPort() == 0 || u.getPort() > 65535) {
        m.problem(key, "broker port must be in [1, 65535], got " + u.getPort());
      } else {
        return new BrokerRef(v);
      }
    } catch (URISyntaxException e) {
      m.problem(key, "not a broker URL: " + e.getReason() + " in '" + v + "'");
    }
    return BrokerRef.EMBEDDED;
  }
}
