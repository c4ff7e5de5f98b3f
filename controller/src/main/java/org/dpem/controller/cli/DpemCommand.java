package org.dpem.controller.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dpem} executable: one subcommand per job (see ARCHITECTURE.md, "The command line"). */
@Command(
    name = "dpem",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Distributed Predictive Entanglement Management: controller for quantum-network edge clouds.",
    subcommands = {RunCommand.class, ForecastCommand.class, BenchCommand.class, ConfigCommand.class, AdminCommand.class, SimulateCommand.class, SimDeviceCommand.class, DeviceCommand.class})
public final class DpemCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DpemCommand()).execute(args));
  }
}
