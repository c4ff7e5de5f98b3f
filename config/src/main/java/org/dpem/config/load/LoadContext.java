package org.dpem.config.load;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every section reader needs: the problem list, and the directory relative paths resolve
 * against (absent for configs read from the classpath or a string, whose paths stay as written
 * and are not checked for existence).
 */
record LoadContext(Problems problems, Optional<Path> baseDir) {

  /**
   * A path-valued key. Relative paths resolve against the config's directory; with
   * {@code mustExist} a missing file is reported (only when the config came from a file).
   */
  public Optional<Path> path(MapReader m, String key, boolean mustExist) {
    Optional<String> text = m.optString(key);
    if (text.isEmpty()) return Optional.empty();
    Path p;
    try {
      p = Path.of(text.get());
    } catch (InvalidPathException e) {
      m.problem(key, "not a valid path: " + e.getReason());
      return Optional.empty();
    }
    if (baseDir.isPresent() && !p.isAbsolute()) p = baseDir.get().resolve(p).normalize();
    if (mustExist && baseDir.isPresent() && !Files.isReadable(p)) {
      m.problem(key, "no readable file at " + p);
    }
    return Optional.of(p);
  }
}
