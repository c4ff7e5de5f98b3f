package org.dpem.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;

/** Test helpers: load text and get its problems. */
final class Yaml {

  static final String FILE = "t.yaml";

  private Yaml() {}

  static List<ConfigProblem> problems(String yaml) {
    try {
      ConfigLoader.parse(yaml, FILE);
    } catch (ConfigException e) {
      return e.problems();
    }
    return fail("expected problems, but this loaded:\n" + yaml);
  }

  static DpemConfig ok(String yaml) {
    try {
      return ConfigLoader.parse(yaml, FILE);
    } catch (ConfigException e) {
      return fail("expected a valid config, got:\n" + e.getMessage());
    }
  }

  /** The single problem of {@code yaml}, which must have exactly one. */
  static ConfigProblem only(String yaml) {
    List<ConfigProblem> list = problems(yaml);
    if (list.size() != 1) fail("expected one problem, got " + list.size() + ":\n" + list);
    return list.get(0);
  }

  static void rejects(String yaml) {
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, FILE)).isInstanceOf(ConfigException.class);
  }
}
