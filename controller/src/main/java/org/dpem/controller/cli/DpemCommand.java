package org.dpem.controller.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code dpem} executable: one subcommand per job (see ARCHITECTURE.md, "The command line"). */
@Command(
    name = "dpem",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Distributed Predictive Entanglement Management: controller for quantum-network edge clouds.",
        "Logs go to ~/.dpem/dpem.log (-Ddpem.log.file=FILE to change); the console shows warnings and errors."},
    subcommands = {RunCommand.class, TrainCommand.class, ForecastCommand.class, BenchCommand.class, ConfigCommand.class, AdminCommand.class, SimulateCommand.class,
        SimDeviceCommand.class, DeviceCommand.class, PrivacyCommand.class, AgentCommand.class, ExperimentCommand.class,
        CommandLine.HelpCommand.class})
public final class DpemCommand implements Callable<Integer> {
  /** Exit status of a usage error (picocli's convention). */
  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // Read in main() before logging starts (see consoleLevel); declared here for help and parsing.
  @Option(names = "--quiet", scope = ScopeType.INHERIT, description = "Console: errors only, no status lines.")
  boolean quiet;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Console: everything the log file gets.")
  boolean verbose;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  /** Whether {@code --quiet} was given (status lines are left out too). */
  static boolean quiet() {
    return "ERROR".equals(System.getProperty("dpem.console.level"));
  }

  public static void main(String[] args) {
    // before any class touches logging or ojAlgo, whose banner would otherwise fill the console
    System.setProperty("dpem.console.level", consoleLevel(args));
    if (System.getProperty("dpem.log.file") == null) {
      System.setProperty("dpem.log.file",
          Path.of(System.getProperty("user.home"), ".dpem", "dpem.log").toString());
    }
    System.setProperty("shut.up.ojAlgo", "true");
    System.exit(commandLine().execute(args));
  }

  /** The command line as {@code main} runs it: errors as one message, stack traces to the log. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new DpemCommand());
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      LoggerFactory.getLogger(DpemCommand.class).error("dpem {} failed", line.getCommandName(), e);
      line.getErr().println("dpem " + line.getCommandName() + ": " + message(e)
          + " (details in " + System.getProperty("dpem.log.file", "the log") + ")");
      return e instanceof IllegalArgumentException ? USAGE : 1;
    });
    return cl;
  }

  static String consoleLevel(String[] args) {
    String level = "WARN";
    for (String a : args) {
      if (a.equals("--")) {
        break;
      }
      if (a.equals("--quiet")) {
        level = "ERROR";
      } else if (a.equals("--verbose")) {
        level = "DEBUG";
      }
    }
    return level;
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
