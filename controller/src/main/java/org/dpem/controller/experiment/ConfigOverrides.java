package org.dpem.controller.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Derives one run's configuration from the experiment's: the seed replaces the topology
 * generator's seed and the workload's, and a sweep point sets keys. Working on the YAML tree
 * rather than on the config records keeps the effective file what the run directory stores and
 * what a replay loads, and lets a sweep reach any key the schema has; the config loader then
 * validates the result like any file.
 *
 * <p>Sweep keys: {@code load=X} multiplies every arrival rate of the workload (keys ending in
 * {@code rate_per_s}); {@code nodes=N} sets the generator's node count; any other key is a dotted
 * path, e.g. {@code controller.epoch_ms=1000}.
 */
final class ConfigOverrides {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private ConfigOverrides() {}

  static String apply(String yaml, long seed, Map<String, String> sweep) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("config is not YAML: " + e.getMessage(), e);
    }
    ObjectNode doc = root instanceof ObjectNode o ? o : YAML.createObjectNode();
    JsonNode gen = doc.path("network").path("generator");
    if (gen instanceof ObjectNode g) {
      g.put("seed", seed);
    }
    object(doc, "workload").put("seed", seed);
    for (Map.Entry<String, String> e : sweep.entrySet()) {
      set(doc, e.getKey(), e.getValue());
    }
    try {
      return YAML.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void set(ObjectNode doc, String key, String value) {
    switch (key) {
      case "load" -> {
        double f = number(key, value);
        if (!(f > 0)) {
          throw new IllegalArgumentException("sweep load=" + value + ": the load factor must be positive");
        }
        int n = scaleRates(object(doc, "workload"), f);
        if (n == 0) {
          throw new IllegalArgumentException("sweep load=" + value + ": the workload has no *rate_per_s key to scale");
        }
      }
      case "nodes" -> {
        JsonNode gen = doc.path("network").path("generator");
        if (!(gen instanceof ObjectNode g)) {
          throw new IllegalArgumentException("sweep nodes=" + value + ": the config's network has no generator");
        }
        g.put("nodes", (long) number(key, value));
      }
      default -> {
        String[] path = key.split("\\.");
        ObjectNode at = doc;
        for (int i = 0; i < path.length - 1; i++) {
          at = object(at, path[i]);
        }
        String last = path[path.length - 1];
        try {
          at.put(last, Long.parseLong(value));
        } catch (NumberFormatException notLong) {
          try {
            at.put(last, Double.parseDouble(value));
          } catch (NumberFormatException notNumber) {
            at.put(last, value);
          }
        }
      }
    }
  }

  private static int scaleRates(ObjectNode node, double f) {
    int n = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue() instanceof ObjectNode child) {
        n += scaleRates(child, f);
      } else if (e.getKey().endsWith("rate_per_s") && e.getValue().isNumber()) {
        e.setValue(DoubleNode.valueOf(e.getValue().asDouble() * f));
        n++;
      } else if (e.getValue().isArray()) {
        for (JsonNode item : e.getValue()) {
          if (item instanceof ObjectNode child) {
            n += scaleRates(child, f);
          }
        }
      }
    }
    return n;
  }

  private static ObjectNode object(ObjectNode parent, String key) {
    JsonNode n = parent.get(key);
    if (n instanceof ObjectNode o) {
      return o;
    }
    if (n != null && !n.isNull()) {
      throw new IllegalArgumentException("cannot set a key below '" + key + "': it is not a mapping");
    }
    return parent.putObject(key);
  }

  private static double number(String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sweep " + key + "=" + value + ": not a number");
    }
  }
}
