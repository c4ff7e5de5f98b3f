package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.dpem.config.ConfigException;
import org.dpem.config.ConfigLoader;
import org.dpem.config.ConfigProblem;
import org.dpem.config.DpemConfig;
import org.dpem.config.MemoryEstimate;
import org.dpem.config.device.DriverKind;
import org.dpem.config.network.ExplicitNetwork;
import org.dpem.config.network.GeneratorSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dpem config}: work with config files. */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Work with DPEM config files.",
    subcommands = {ConfigCommand.Validate.class})
public final class ConfigCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** {@code dpem config validate FILE}: every problem with file:line:column, or a summary. */
  @Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Check a config file and report every problem as FILE:LINE:COLUMN: KEY: message.",
          "Exit codes: 0 valid, 1 invalid, 2 file missing or unreadable."})
  public static final class Validate implements Callable<Integer> {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNREADABLE = 2;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The YAML config file.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of text.")
    boolean json;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isRegularFile(file)) {
        String why = Files.exists(file) ? "not a regular file" : "no such file";
        return unreadable(out, err, why);
      }
      DpemConfig config;
      try {
        config = ConfigLoader.load(file);
      } catch (NoSuchFileException e) {
        return unreadable(out, err, "no such file");
      } catch (IOException e) {
        return unreadable(out, err, "cannot read: " + e.getMessage());
      } catch (ConfigException e) {
        if (json) {
          out.println(mapper.writeValueAsString(problemsJson(e.problems())));
        } else {
          e.problems().forEach(p -> err.println(p.format()));
          err.println(file + ": " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s"));
        }
        out.flush();
        err.flush();
        return INVALID;
      }
      if (json) {
        out.println(mapper.writeValueAsString(summaryJson(config)));
      } else {
        printSummary(out, config);
      }
      out.flush();
      return VALID;
    }

    private int unreadable(PrintWriter out, PrintWriter err, String why) throws IOException {
      if (json) {
        out.println(mapper.writeValueAsString(problemsJson(List.of(new ConfigProblem(file.toString(), 0, 0, "", why)))));
        out.flush();
      } else {
        err.println(file + ": " + why);
        err.flush();
      }
      return UNREADABLE;
    }

    private ObjectNode problemsJson(List<ConfigProblem> problems) {
      ObjectNode root = mapper.createObjectNode().put("valid", false);
      ArrayNode list = root.putArray("problems");
      for (ConfigProblem p : problems) {
        list.addObject().put("file", p.file()).put("line", p.line()).put("column", p.column())
            .put("key", p.key()).put("message", p.message());
      }
      return root;
    }

    private ObjectNode summaryJson(DpemConfig c) {
      ObjectNode root = mapper.createObjectNode().put("valid", true).put("file", file.toString());
      root.put("network", c.network() instanceof GeneratorSpec g ? "generated:" + name(g.type()) : "explicit");
      root.put("nodes", c.nodeIds().size());
      OptionalInt links = linkCount(c);
      if (links.isPresent()) root.put("links", links.getAsInt());
      else root.putNull("links");
      ObjectNode devices = root.putObject("devices");
      for (Map.Entry<DriverKind, Integer> e : c.devices().countByDriver().entrySet()) devices.put(name(e.getKey()), e.getValue());
      root.put("served", c.devices().served().size());
      root.put("policy", name(c.controller().policy()));
      root.put("workload", name(c.workload().arrivals().type()));
      root.put("memory_bytes_estimate", MemoryEstimate.of(c.network()).totalBytes());
      return root;
    }

    private void printSummary(PrintWriter out, DpemConfig c) {
      out.println(file + ": valid");
      OptionalInt links = linkCount(c);
      String network = c.network() instanceof GeneratorSpec g
          ? name(g.type()) + " generator, seed " + g.seed() + "; "
              + (links.isPresent() ? "about " + links.getAsInt() + " links" : "links drawn at run time")
          : "explicit; " + links.getAsInt() + (links.getAsInt() == 1 ? " link" : " links");
      out.println("  nodes:    " + c.nodeIds().size() + " (" + network + ")");
      Map<DriverKind, Integer> byDriver = c.devices().countByDriver();
      out.println("  devices:  " + c.devices().all().size() + " (sim " + byDriver.get(DriverKind.SIM) + ", serial "
          + byDriver.get(DriverKind.SERIAL) + ", mqtt " + byDriver.get(DriverKind.MQTT) + "); "
          + c.devices().served().size() + " served by the controller");
      out.println("  policy:   " + name(c.controller().policy()) + ", epoch " + c.controller().epochMs() + " ms");
      out.println("  workload: " + name(c.workload().arrivals().type()));
      out.println("  memory:   about " + MemoryEstimate.size(MemoryEstimate.of(c.network()).totalBytes())
          + " over a long run (Java may use " + MemoryEstimate.size(MemoryEstimate.heapLimitBytes()) + " here)");
    }

    private static OptionalInt linkCount(DpemConfig c) {
      if (c.network() instanceof ExplicitNetwork n) return OptionalInt.of(n.links().size());
      return ((GeneratorSpec) c.network()).expectedLinkCount();
    }

    private static String name(Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
