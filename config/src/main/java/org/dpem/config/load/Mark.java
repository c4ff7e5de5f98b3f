package org.dpem.config.load;

/** A 1-based line/column position in a config file, as reported by the YAML parser. */
record Mark(int line, int column) {
  static final Mark NONE = new Mark(0, 0);
}
