package org.dpem.config.load;

/**
 * A YAML node that remembers where it was written. Jackson's own tree drops locations, and a
 * config error without a line number is a guessing game for the user, so the loader builds this
 * small tree straight from the streaming parser instead.
 */
sealed interface YNode permits YMap, YSeq, YScalar {
  Mark mark();

  /** How the node reads in an error message ("a mapping", "the string \"x\"", ...). */
  String describe();
}
