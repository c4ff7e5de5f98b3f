package org.dpem.config.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys and choices, by edit distance. */
final class Suggest {

  private Suggest() {}

  /** The closest candidate if it is close enough to be a plausible typo. */
  static Optional<String> closest(String typed, Collection<String> candidates) {
    String t = normalise(typed);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(t, normalise(c));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    // Short keys tolerate one edit, longer ones up to three; more than that is a different word.
    // A one-letter name is "close" to every other one-letter name: only case slips count there.
    int allowed = t.length() <= 1 ? 0 : Math.min(3, Math.max(1, t.length() / 3));
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  static String hint(String typed, Collection<String> candidates) {
    return closest(typed, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  // Case and '-' versus '_' are the commonest slips; count them as free.
  private static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replace('-', '_');
  }

  static int distance(String a, String b) {
    if (a.length() > 64 || b.length() > 64) return Integer.MAX_VALUE;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
