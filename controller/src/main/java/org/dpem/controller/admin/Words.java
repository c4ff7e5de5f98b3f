package org.dpem.controller.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A command line split on blanks; the command name is case-insensitive, arguments are not. */
record Words(String name, List<String> args) {
  private static final Pattern BLANKS = Pattern.compile("[ \\t]+");

  static Words of(String line) {
    List<String> w = new ArrayList<>();
    for (String s : BLANKS.split(line.strip())) {
      if (!s.isEmpty()) {
        w.add(s);
      }
    }
    if (w.isEmpty()) {
      return new Words("", List.of());
    }
    return new Words(w.get(0).toLowerCase(Locale.ROOT), List.copyOf(w.subList(1, w.size())));
  }

  boolean isEmpty() {
    return name.isEmpty();
  }

  /** The line as the audit log may show it: the argument of {@code auth} masked. */
  static String forAudit(String line) {
    Words w = of(line);
    String shown = "auth".equals(w.name) ? "auth ****" : line.strip();
    return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
  }

  /** Names an operator's input in an error: quoted, control characters escaped, cut at 40. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("'");
    int n = 0;
    for (int i = 0; i < s.length() && n < 40; i++, n++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (s.length() > 40) {
      b.append("...");
    }
    return b.append('\'').toString();
  }
}
