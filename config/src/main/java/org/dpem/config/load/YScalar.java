package org.dpem.config.load;

/**
 * A YAML scalar as the parser typed it: a plain {@code 42} is an integer, a quoted {@code "42"} a
 * string. The loader is strict about that so a typo such as {@code port: 77OO} is caught.
 */
record YScalar(Mark mark, Type type, String text, Number number) implements YNode {

  /** The scalar's type as resolved by the YAML parser. */
  public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

  @Override
  public String describe() {
    return switch (type) {
      case STRING -> "the string \"" + abbreviate(text) + "\"";
      case INTEGER -> "the integer " + abbreviate(text);
      case FLOAT -> "the number " + abbreviate(text);
      case BOOLEAN -> "the boolean " + text;
      case NULL -> "an empty value";
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
