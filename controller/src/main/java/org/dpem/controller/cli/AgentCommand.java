package org.dpem.controller.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dpem.config.ConfigException;
import org.dpem.config.DpemConfig;
import org.dpem.controller.federation.FederationAgent;
import org.dpem.controller.federation.FederationException;
import org.dpem.controller.federation.FederationKeys;
import org.dpem.controller.federation.MqttFederationTransport;
import org.dpem.controller.federation.NodeDemandTrainer;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.driver.transport.MqttSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dpem agent}: one node's federating agent as its own process. */
@Command(name = "agent", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Runs one node's agent as its own process, federating over the MQTT broker with the aggregator "
        + "in `dpem run` (rounds on PREFIX/fed/round, updates on PREFIX/fed/update/NODE, HMAC-signed with the node's key).",
        "What it federates today: the PPO agents are not built yet, so the agent trains a linear autoregressive "
            + "model of its own node's demand (requests the node originates per bin, from the config's workload) "
            + "and federates that model's weights: real local training on data that stays on the node, "
            + "not the allocation policy."})
public final class AgentCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "Config file (the same as the controller's).")
  String config;

  @Option(names = "--node", required = true, description = "The node this agent serves; its key must be in the key file.")
  String node;

  @Option(names = "--keys", description = "Federation key file, lines 'ID KEY_ID HEX' (default: the config's federation.keys).")
  Path keys;

  @Option(names = "--broker", description = "Broker URL (default: the config's broker, or tcp://127.0.0.1:1883 when it is embedded in `dpem run`).")
  String broker;

  @Option(names = "--prefix", defaultValue = "dpem", description = "Topic prefix (default ${DEFAULT-VALUE}).")
  String prefix;

  @Option(names = "--history", defaultValue = "86400", converter = DurationConverter.class,
      description = "Simulated seconds of the node's demand history to train on, e.g. 24h (default one day).")
  double historySeconds;

  @Option(names = "--bin", defaultValue = "600", converter = DurationConverter.class,
      description = "Width of a demand bin, e.g. 10m (default ${DEFAULT-VALUE} s).")
  double binSeconds;

  @Option(names = "--local-epochs", defaultValue = "1", description = "SGD passes over the history per round (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--learning-rate", defaultValue = "0.01", description = "Local SGD learning rate (default ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--rounds", description = "Exit after answering this many rounds (default: run until interrupted).")
  Long rounds;

  @Override
  public Integer call() throws Exception {
    System.setOut(System.err);
    DpemConfig cfg;
    try {
      cfg = RunCommand.load(config);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (java.io.IOException e) {
      System.err.println("dpem agent: cannot read config " + config + ": " + e.getMessage());
      return 2;
    }
    Path keyFile = keys != null ? keys : cfg.controller().federation().keys().orElse(null);
    if (keyFile == null) {
      System.err.println("dpem agent: no federation key file: give --keys or set controller.federation.keys in " + config);
      return 2;
    }
    FederationKeys fedKeys;
    try {
      fedKeys = FederationKeys.read(keyFile);
    } catch (java.io.IOException | IllegalArgumentException e) {
      System.err.println("dpem agent: key file " + keyFile + ": " + e.getMessage());
      return 2;
    }
    Scenario scenario = ScenarioBuilder.build(cfg);
    if (scenario.topology().node(node).isEmpty()) {
      System.err.println("dpem agent: --node " + node + ": no such node in " + cfg.source());
      return 2;
    }
    String url = broker != null ? broker
        : cfg.controller().broker().isEmbedded() ? "tcp://127.0.0.1:1883" : cfg.controller().broker().value();
    double[] demand = NodeDemandTrainer.demand(scenario, cfg.workload().seed(), node, historySeconds, binSeconds);
    NodeDemandTrainer trainer;
    try {
      trainer = new NodeDemandTrainer(demand, epochs, learningRate);
    } catch (IllegalArgumentException e) {
      System.err.println("dpem agent: --history/--bin: " + e.getMessage());
      return 2;
    }
    System.err.printf(Locale.ROOT, "dpem agent %s: %d demand bins of %.0f s (%.0f requests), federating over %s%n",
        node, demand.length, binSeconds, java.util.Arrays.stream(demand).sum(), url);
    CountDownLatch done = new CountDownLatch(1);
    MqttSettings settings;
    try {
      settings = MqttSettings.of(url, "dpem-agent");
    } catch (IllegalArgumentException e) {
      System.err.println("dpem agent: --broker: " + e.getMessage());
      return 2;
    }
    FederationAgent agent;
    try {
      agent = new FederationAgent(node, trainer, cfg.controller().federation().clipNorm(),
          new MqttFederationTransport(settings, prefix, fedKeys)).start();
    } catch (FederationException | IllegalArgumentException e) {
      System.err.println("dpem agent: " + e.getMessage());
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(done::countDown, "dpem-agent-stop"));
    try (agent) {
      while (done.getCount() > 0 && (rounds == null || agent.answered() < rounds)) {
        done.await(200, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      float[] g = agent.globalWeights();
      System.err.printf(Locale.ROOT, "dpem agent %s: answered %d rounds; global model error on own history %s%n",
          node, agent.answered(), g == null ? "n/a" : String.format(Locale.ROOT, "%.4f", trainer.error(g)));
    }
    return 0;
  }
}
