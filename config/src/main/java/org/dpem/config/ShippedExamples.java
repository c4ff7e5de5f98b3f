package org.dpem.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The example configs shipped inside the config jar (the same files as {@code config/examples/}),
 * so {@code dpem run} finds the paper's scenario from any working directory.
 */
public final class ShippedExamples {

  /** Classpath folder of the examples. */
  public static final String RESOURCE_DIR = "dpem/examples/";

  /** The paper's 100-node simulated scenario; what {@code dpem run} uses without a config. */
  public static final String PAPER_100 = "paper-100";
  /** The paper's numbers read as emission rates, with 1 s memories: kept for comparison. */
  public static final String PAPER_100_LITERAL = "paper-100-literal";
  public static final String TWO_NODE = "two-node";
  public static final String HIL = "hil";

  private ShippedExamples() {}

  /** Names accepted by {@link #load(String)}. */
  public static List<String> names() {
    return List.of(PAPER_100, PAPER_100_LITERAL, TWO_NODE, HIL);
  }

  /** The YAML text of example {@code name} (with or without {@code .yaml}). */
  public static String text(String name) {
    String base = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    if (!names().contains(base)) {
      throw new IllegalArgumentException("no shipped example '" + name + "'; known: " + String.join(", ", names()));
    }
    String resource = RESOURCE_DIR + base + ".yaml";
    try (InputStream in = ShippedExamples.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("resource " + resource + " missing from the config jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads example {@code name}; problems name it {@code classpath:dpem/examples/<name>.yaml}. */
  public static DpemConfig load(String name) throws ConfigException {
    String base = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    return ConfigLoader.parse(text(base), "classpath:" + RESOURCE_DIR + base + ".yaml");
  }

  /**
   * Loads a shipped example. The examples are tested at build time, so a failure here is a
   * packaging defect, hence unchecked.
   */
  public static DpemConfig require(String name) {
    try {
      return load(name);
    } catch (ConfigException e) {
      throw new IllegalStateException("shipped example " + name + " is invalid:\n" + e.getMessage(), e);
    }
  }

  /** The default scenario. A shipped example that does not load is a build defect, hence unchecked. */
  public static DpemConfig paper100() {
    return require(PAPER_100);
  }
}
