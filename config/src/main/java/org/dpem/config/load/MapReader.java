package org.dpem.config.load;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.dpem.config.IntRange;
import org.dpem.config.Range;

/**
 * Reads one YAML mapping into typed values. Each getter names the key it expects, so whatever
 * the file holds beyond those keys is reported by {@link #finish()} as unknown. A bad value is
 * reported at its own position and the default is returned, so reading carries on and every
 * problem in the file is found in one pass.
 */
final class MapReader {

  private final Problems problems;
  private final String path;
  private final Mark mark;
  private final Map<String, YMap.Entry> entries;
  private final Set<String> known = new LinkedHashSet<>();

  private MapReader(Problems problems, String path, Mark mark, Map<String, YMap.Entry> entries) {
    this.problems = problems;
    this.path = path;
    this.mark = mark;
    this.entries = entries;
  }

  /** A reader over {@code node}; anything but a mapping is reported and read as empty. */
  public static MapReader of(YNode node, String path, Problems problems, Mark fallback) {
    if (node instanceof YMap m) return new MapReader(problems, path, m.mark(), m.entries());
    if (node != null && !(node instanceof YScalar s && s.type() == YScalar.Type.NULL)) {
      problems.add(node.mark(), path, "expected a mapping of keys, got " + node.describe());
    }
    return new MapReader(problems, path, node != null ? node.mark() : fallback, Map.of());
  }

  public Problems problems() {
    return problems;
  }

  public String path() {
    return path;
  }

  public String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public Mark mark() {
    return mark;
  }

  /** Where the value of {@code key} is written, or this mapping's own position if absent. */
  public Mark markOf(String key) {
    YMap.Entry e = entries.get(key);
    return e == null ? mark : e.value().mark();
  }

  public Mark keyMarkOf(String key) {
    YMap.Entry e = entries.get(key);
    return e == null ? mark : e.keyMark();
  }

  public boolean has(String key) {
    known.add(key);
    YMap.Entry e = entries.get(key);
    return e != null && !(e.value() instanceof YScalar s && s.type() == YScalar.Type.NULL);
  }

  /** The raw node for {@code key}, or null when absent or written as an empty value. */
  public YNode raw(String key) {
    return has(key) ? entries.get(key).value() : null;
  }

  public void problem(String key, String message) {
    problems.add(markOf(key), path(key), message);
  }

  /** Reports a missing required key at the enclosing mapping. */
  public void missing(String key) {
    YMap.Entry e = entries.get(key);
    if (e != null) {
      problems.add(e.value().mark(), path(key), "required key '" + key + "' has no value");
    } else {
      problems.add(mark, path(key), "required key '" + key + "' is missing");
    }
  }

  // ---- scalars ----------------------------------------------------------------------------

  public Optional<String> optString(String key) {
    YNode n = raw(key);
    if (n == null) return Optional.empty();
    if (n instanceof YScalar s && s.type() == YScalar.Type.STRING) {
      if (s.text().isBlank()) {
        problem(key, "must not be blank");
        return Optional.empty();
      }
      return Optional.of(s.text());
    }
    problems.add(n.mark(), path(key), "expected a string, got " + n.describe());
    return Optional.empty();
  }

  public String string(String key, String def) {
    return optString(key).orElse(def);
  }

  /** A required string; null (after reporting) when missing or mistyped. */
  public String requiredString(String key) {
    if (!has(key)) {
      missing(key);
      return null;
    }
    return optString(key).orElse(null);
  }

  /**
   * An identifier (node or device id): a string, or a plain integer such as {@code 3}, which is
   * accepted and read as "3" because numbered nodes are common in topology files.
   */
  public String id(String key) {
    if (!has(key)) {
      missing(key);
      return null;
    }
    return idOf(entries.get(key).value(), path(key), problems);
  }

  static String idOf(YNode n, String path, Problems problems) {
    if (n instanceof YScalar s && (s.type() == YScalar.Type.STRING || s.type() == YScalar.Type.INTEGER)) {
      String id = s.text().strip();
      if (id.isEmpty() || id.length() > 64 || !id.chars().allMatch(c -> c > 32 && c < 127 && c != '/' && c != '+' && c != '#')) {
        problems.add(n.mark(), path, "an id must be 1-64 printable ASCII characters without spaces, '/', '+' or '#'"
            + " (it becomes part of MQTT topics), got " + n.describe());
        return null;
      }
      return id;
    }
    problems.add(n.mark(), path, "expected an id (a string), got " + (n == null ? "nothing" : n.describe()));
    return null;
  }

  public boolean bool(String key, boolean def) {
    YNode n = raw(key);
    if (n == null) return def;
    if (n instanceof YScalar s && s.type() == YScalar.Type.BOOLEAN) return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
    problems.add(n.mark(), path(key), "expected true or false, got " + n.describe());
    return def;
  }

  public OptionalDouble optNumber(String key, Bounds bounds) {
    YNode n = raw(key);
    if (n == null) return OptionalDouble.empty();
    OptionalDouble v = numberOf(n, path(key), bounds, problems);
    return v;
  }

  public double number(String key, double def, Bounds bounds) {
    return optNumber(key, bounds).orElse(def);
  }

  public double requiredNumber(String key, Bounds bounds) {
    if (!has(key)) {
      missing(key);
      return Double.NaN;
    }
    return optNumber(key, bounds).orElse(Double.NaN);
  }

  static OptionalDouble numberOf(YNode n, String path, Bounds bounds, Problems problems) {
    if (n instanceof YScalar s && (s.type() == YScalar.Type.INTEGER || s.type() == YScalar.Type.FLOAT)) {
      double v = s.number().doubleValue();
      if (!Double.isFinite(v)) {
        problems.add(n.mark(), path, "must be a finite number, got " + s.text());
        return OptionalDouble.empty();
      }
      if (!bounds.contains(v)) {
        problems.add(n.mark(), path, "must be " + bounds.describe() + ", got " + s.text());
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(v);
    }
    problems.add(n.mark(), path, "expected a number, got " + n.describe());
    return OptionalDouble.empty();
  }

  public OptionalInt optInt(String key, Bounds bounds) {
    YNode n = raw(key);
    if (n == null) return OptionalInt.empty();
    return intOf(n, path(key), bounds, problems);
  }

  public int integer(String key, int def, Bounds bounds) {
    return optInt(key, bounds).orElse(def);
  }

  static OptionalInt intOf(YNode n, String path, Bounds bounds, Problems problems) {
    if (n instanceof YScalar s && s.type() == YScalar.Type.INTEGER) {
      Number num = s.number();
      boolean fits = !(num instanceof BigInteger) && num.longValue() >= Integer.MIN_VALUE && num.longValue() <= Integer.MAX_VALUE;
      if (!fits || !bounds.contains(num.longValue())) {
        problems.add(n.mark(), path, "must be an integer " + bounds.describe() + ", got " + s.text());
        return OptionalInt.empty();
      }
      return OptionalInt.of(num.intValue());
    }
    problems.add(n.mark(), path, "expected an integer, got " + n.describe());
    return OptionalInt.empty();
  }

  /** A 64-bit value such as a seed; any integer that fits. */
  public long longValue(String key, long def) {
    YNode n = raw(key);
    if (n == null) return def;
    if (n instanceof YScalar s && s.type() == YScalar.Type.INTEGER && !(s.number() instanceof BigInteger)) {
      return s.number().longValue();
    }
    problems.add(n.mark(), path(key), "expected a 64-bit integer, got " + n.describe());
    return def;
  }

  /**
   * One of an enum's constants, written in YAML in lower case with '-' for '_'
   * ({@code CENTRAL_LP} is {@code central-lp}).
   */
  public <E extends Enum<E>> E choice(String key, Class<E> type, E def) {
    YNode n = raw(key);
    if (n == null) return def;
    E v = choiceOf(n, path(key), type, problems);
    return v == null ? def : v;
  }

  public <E extends Enum<E>> E requiredChoice(String key, Class<E> type) {
    if (!has(key)) {
      missing(key);
      return null;
    }
    return choiceOf(raw(key), path(key), type, problems);
  }

  static <E extends Enum<E>> E choiceOf(YNode n, String path, Class<E> type, Problems problems) {
    List<String> names = Arrays.stream(type.getEnumConstants()).map(MapReader::yamlName).toList();
    if (n instanceof YScalar s && s.type() == YScalar.Type.STRING) {
      for (E e : type.getEnumConstants()) {
        if (yamlName(e).equals(s.text())) return e;
      }
      problems.add(n.mark(), path, "unknown value '" + s.text() + "'; expected one of " + String.join(", ", names)
          + Suggest.hint(s.text(), names));
      return null;
    }
    problems.add(n.mark(), path, "expected one of " + String.join(", ", names) + ", got " + n.describe());
    return null;
  }

  public static String yamlName(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  // ---- ranges -----------------------------------------------------------------------------

  /**
   * A range written as {@code [min, max]}, {@code {min: a, max: b}} or one number; both ends must
   * lie within {@code bounds} and min may not exceed max.
   */
  public Range range(String key, Range def, Bounds bounds) {
    YNode n = raw(key);
    if (n == null) return def;
    double[] ends = ends(n, path(key), false, bounds);
    return ends == null ? def : new Range(ends[0], ends[1]);
  }

  public IntRange intRange(String key, IntRange def, Bounds bounds) {
    YNode n = raw(key);
    if (n == null) return def;
    double[] ends = ends(n, path(key), true, bounds);
    return ends == null ? def : new IntRange((int) ends[0], (int) ends[1]);
  }

  private double[] ends(YNode n, String p, boolean integral, Bounds bounds) {
    YNode lo;
    YNode hi;
    String loPath;
    String hiPath;
    if (n instanceof YSeq seq) {
      if (seq.items().size() != 2) {
        problems.add(n.mark(), p, "a range is [min, max] with exactly two numbers, got " + seq.items().size());
        return null;
      }
      lo = seq.items().get(0);
      hi = seq.items().get(1);
      loPath = p + "[0]";
      hiPath = p + "[1]";
    } else if (n instanceof YMap) {
      MapReader m = MapReader.of(n, p, problems, n.mark());
      if (!m.has("min")) m.missing("min");
      if (!m.has("max")) m.missing("max");
      lo = m.raw("min");
      hi = m.raw("max");
      loPath = m.path("min");
      hiPath = m.path("max");
      m.finish();
      if (lo == null || hi == null) return null;
    } else {
      lo = n;
      hi = n;
      loPath = p;
      hiPath = p;
    }
    double a = endOf(lo, loPath, integral, bounds);
    double b = lo == hi ? a : endOf(hi, hiPath, integral, bounds);
    if (Double.isNaN(a) || Double.isNaN(b)) return null;
    if (a > b) {
      problems.add(lo.mark(), p, "range min " + Bounds.fmt(a) + " is greater than max " + Bounds.fmt(b));
      return null;
    }
    return new double[] {a, b};
  }

  private double endOf(YNode n, String p, boolean integral, Bounds bounds) {
    if (integral) {
      OptionalInt v = intOf(n, p, bounds, problems);
      return v.isPresent() ? v.getAsInt() : Double.NaN;
    }
    OptionalDouble v = numberOf(n, p, bounds, problems);
    return v.isPresent() ? v.getAsDouble() : Double.NaN;
  }

  // ---- structure --------------------------------------------------------------------------

  /** The mapping under {@code key}; an absent key gives an empty reader (all defaults). */
  public MapReader map(String key) {
    YNode n = raw(key);
    return MapReader.of(n, path(key), problems, n == null ? keyMarkOf(key) : n.mark());
  }

  /** One element of a list, with the path to name it by. */
  public record Item(YNode node, String path, int index) {}

  /** The list under {@code key}; anything but a list is reported. Absent gives an empty list. */
  public List<Item> list(String key) {
    YNode n = raw(key);
    if (n == null) return List.of();
    if (!(n instanceof YSeq seq)) {
      problems.add(n.mark(), path(key), "expected a list, got " + n.describe());
      return List.of();
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) items.add(new Item(seq.items().get(i), path(key) + "[" + i + "]", i));
    return items;
  }

  /** The keys actually present, in file order (for maps keyed by id, such as devices). */
  public List<YMap.Entry> entries() {
    known.addAll(entries.keySet());
    return List.copyOf(entries.values());
  }

  /** Marks keys that are valid elsewhere but meaningless here, with the reason. */
  public void notApplicable(String why, String... keys) {
    for (String k : keys) {
      if (entries.containsKey(k) && !known.contains(k)) {
        known.add(k);
        problems.add(entries.get(k).keyMark(), path(k), "does not apply " + why);
      }
    }
  }

  /** Reports every key no getter asked for, with a suggestion when one is close. */
  public void finish() {
    for (YMap.Entry e : entries.values()) {
      if (!known.contains(e.key())) {
        problems.add(e.keyMark(), path(e.key()), "unknown key" + Suggest.hint(e.key(), known)
            + (known.isEmpty() ? "" : "; expected one of " + String.join(", ", known)));
      }
    }
  }
}
