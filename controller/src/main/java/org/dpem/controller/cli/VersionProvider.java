package org.dpem.controller.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar manifest, so {@code --version} never drifts from the pom. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = DpemCommand.class.getPackage().getImplementationVersion();
    return new String[] {"dpem " + (v == null ? "(development build)" : v),
        "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
  }
}
