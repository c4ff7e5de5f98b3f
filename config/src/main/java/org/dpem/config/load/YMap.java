package org.dpem.config.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping; keys keep their own positions so unknown keys can be pointed at. */
record YMap(Mark mark, Map<String, Entry> entries) implements YNode {

  /** One key and its value. */
  public record Entry(String key, Mark keyMark, YNode value) {}

  public YMap {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  @Override
  public String describe() {
    return "a mapping";
  }
}
