package org.dpem.config;

/**
 * One thing wrong with a config file, pinned to where it is.
 *
 * @param file the file name as given to the loader (or a resource name)
 * @param line 1-based line of the offending key or value (0 when the problem has no position)
 * @param column 1-based column
 * @param key dotted key path such as {@code controller.admin.port} or {@code network.links[2].b}
 * @param message what is wrong and, where possible, what would be right
 */
public record ConfigProblem(String file, int line, int column, String key, String message)
    implements Comparable<ConfigProblem> {

  /** {@code FILE:LINE:COLUMN: KEY: message}, the format editors and CI logs understand. */
  public String format() {
    return file + ":" + line + ":" + column + ": " + (key.isEmpty() ? "(document)" : key) + ": " + message;
  }

  @Override
  public int compareTo(ConfigProblem o) {
    int c = Integer.compare(line, o.line);
    if (c != 0) return c;
    c = Integer.compare(column, o.column);
    return c != 0 ? c : message.compareTo(o.message);
  }

  @Override
  public String toString() {
    return format();
  }
}
