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

  /**
   * Whether {@code c} could act on a terminal or a log viewer rather than print: C0 and C1
   * controls (ESC and the 8-bit CSI start escape sequences), DEL, line and paragraph separators,
   * and format characters such as bidirectional overrides, which reorder what is shown.
   */
  static boolean unprintable(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
        || Character.getType(c) == Character.FORMAT;
  }

  /**
   * {@code s} safe to write to a log or a terminal: every {@link #unprintable} character as
   * backslash-x and two hex digits (backslash-u and four past 0xff), and backslash doubled so
   * that no escape can be forged.
   */
  static String printable(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unprintable(c) || c == '\\') {
        if (b == null) {
          b = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        b.append(c == '\\' ? "\\\\" : c <= 0xff ? String.format("\\x%02x", (int) c)
            : String.format("\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /** Names an operator's input in an error: quoted, control characters escaped, cut at 40. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("'");
    int n = 0;
    for (int i = 0; i < s.length() && n < 40; i++, n++) {
      char c = s.charAt(i);
      if (unprintable(c)) {
        b.append(printable(String.valueOf(c)));
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
