package org.dpem.config.load;

import java.util.ArrayList;
import java.util.List;
import org.dpem.config.ConfigProblem;

/** Collects problems for one file; the loader fails once at the end with all of them. */
final class Problems {

  /** Past this many the rest are noise (and a hostile file must not blow up memory). */
  static final int LIMIT = 500;

  private final String file;
  private final List<ConfigProblem> list = new ArrayList<>();

  public Problems(String file) {
    this.file = file;
  }

  public void add(Mark at, String key, String message) {
    if (list.size() < LIMIT) list.add(new ConfigProblem(file, at.line(), at.column(), key, message));
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<ConfigProblem> list() {
    return List.copyOf(list);
  }

  public String file() {
    return file;
  }
}
