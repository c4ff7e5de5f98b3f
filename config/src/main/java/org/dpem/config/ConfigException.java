package org.dpem.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A config file could not be accepted. Carries every problem found, not just the first, so a user
 * can fix a file in one pass.
 */
public final class ConfigException extends Exception {

  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(summary(problems));
    if (problems.isEmpty()) throw new IllegalArgumentException("a ConfigException needs at least one problem");
    this.problems = problems.stream().sorted().toList();
  }

  /** The problems, ordered by line and column. Never empty. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String summary(List<ConfigProblem> problems) {
    return problems.size() + " problem(s) in config:\n"
        + problems.stream().sorted().map(ConfigProblem::format).collect(Collectors.joining("\n"));
  }
}
