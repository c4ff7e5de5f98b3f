package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dpem.sim.experiment.ChainExperiment;
import org.dpem.sim.experiment.LinkParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dpem simulate}: the simulator alone, for physics questions. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Run the network simulator alone: what rate and fidelity does this link or chain give?",
    subcommands = {SimulateCommand.Link.class, SimulateCommand.Chain.class})
public final class SimulateCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** Options shared by {@code link} and {@code chain}; every link of a chain is alike. */
  static final class LinkOptions {
    @Option(names = "--length-km", defaultValue = "10", description = "Fibre length per link, km (default ${DEFAULT-VALUE}).")
    double lengthKm;

    @Option(names = "--attenuation-db-per-km", defaultValue = "0.2", description = "Fibre loss, dB/km (default ${DEFAULT-VALUE}).")
    double attenuation;

    @Option(names = "--source-rate", defaultValue = "1000", description = "Pairs emitted per second by each source (default ${DEFAULT-VALUE}).")
    double sourceRate;

    @Option(names = "--source-fidelity", defaultValue = "0.95", description = "Fidelity F0 of emitted pairs, Werner (default ${DEFAULT-VALUE}).")
    double sourceFidelity;

    @Option(names = "--detector-efficiency", defaultValue = "0.9", description = "Detector efficiency eta_d (default ${DEFAULT-VALUE}).")
    double detectorEfficiency;

    @Option(names = "--analyzer-efficiency", defaultValue = "0.5", description = "Success probability of the heralding measurement eta_a (default ${DEFAULT-VALUE}).")
    double analyzerEfficiency;

    @Option(names = "--coherence-time", defaultValue = "1.0", description = "Memory coherence time T, s, depolarizing (default ${DEFAULT-VALUE}).")
    double coherenceTime;

    @Option(names = "--hold", defaultValue = "0.1", description = "Seconds delivered pairs are held before being read (default ${DEFAULT-VALUE}).")
    double hold;

    @Option(names = "--duration", defaultValue = "10", description = "Simulated seconds the sources run (default ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same run (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dark-count-rate", defaultValue = "0", description = "Detector dark counts per second; adds false heralds of fidelity 1/4 (default ${DEFAULT-VALUE}).")
    double darkCounts;

    @Option(names = "--window", defaultValue = "1e-9", description = "Analyzer coincidence window, s (default ${DEFAULT-VALUE}).")
    double window;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    LinkParams params(CommandSpec spec) {
      try {
        return new LinkParams(lengthKm, attenuation, sourceRate, sourceFidelity, detectorEfficiency,
            analyzerEfficiency, coherenceTime, hold, duration, seed, darkCounts, window);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  @Command(name = "link", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {
          "Simulate one link: a source at n0 emits pairs (Poisson); one photon of each is stored at n0, the other travels the fibre to n1, where it survives (eta = 10^(-a L/10)), is detected (eta_d) and the heralding measurement succeeds (eta_a).",
          "Expected heralded rate: source_rate x eta x eta_d x eta_a, with no other factor (dark counts, if set, add false heralds of fidelity 1/4).",
          "Pairs are read when n0 learns of the herald, 2L/c after emission; by then they have decayed for 3L/c of qubit-time (n0's half since emission, n1's since arrival). They are read again after --hold: F = 1/4 + (F - 1/4) exp(-2 hold / T).",
          "The expected values from the closed form are printed beside the simulated ones."})
  static final class Link implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LinkOptions options;

    @Override
    public Integer call() throws Exception {
      ChainExperiment e = ChainExperiment.link(options.params(spec));
      print(spec, options.json, e.report(e.run()));
      return 0;
    }
  }

  @Command(name = "chain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {
          "Simulate a repeater chain of --hops identical links n0..nN, each generated as in 'simulate link' (source at its left node). Every repeater swaps the oldest heralded halves of its two sides (success --swap-success, at most --swap-rate per second).",
          "End-to-end pairs are delivered at nN once the swap outcomes have reached both ends, with their exact fidelity: decay while waiting and while heralds and outcomes travel is included.",
          "expected_heralded_per_second is per link if slots never block; heralds that find no free slot are counted in dropped_no_slot. For 2 hops with one slot per side the closed-form mean fidelity is printed, otherwise the fidelity if no link ever waited."})
  static final class Chain implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LinkOptions options;

    @Option(names = "--hops", required = true, description = "Number of links (>= 1).")
    int hops;

    @Option(names = "--swap-success", defaultValue = "0.9", description = "Success probability q of one swap (default ${DEFAULT-VALUE}).")
    double swapSuccess;

    @Option(names = "--swap-rate", defaultValue = "1000", description = "Most swaps per second per repeater (default ${DEFAULT-VALUE}).")
    double swapRate;

    @Option(names = "--slots-per-side", defaultValue = "1", description = "Memory slots per link side (default ${DEFAULT-VALUE}).")
    int slotsPerSide;

    @Override
    public Integer call() throws Exception {
      ChainExperiment e;
      try {
        e = new ChainExperiment(options.params(spec), hops, slotsPerSide, swapSuccess, swapRate);
      } catch (IllegalArgumentException ex) {
        throw new ParameterException(spec.commandLine(), ex.getMessage());
      }
      print(spec, options.json, e.report(e.run()));
      return 0;
    }
  }

  static void print(CommandSpec spec, boolean json, Map<String, Object> report) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(report));
    } else {
      report.forEach((k, v) -> out.println(String.format(Locale.ROOT, "%-36s %s", k,
          v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : v)));
    }
    out.flush();
  }
}
