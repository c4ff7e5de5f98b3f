package org.dpem.config.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML text into a {@link YNode} tree with positions, using Jackson's streaming YAML parser
 * so every key and value carries the parser's own line and column.
 */
final class YamlTree {

  /** Deeper than any sane config; bounds recursion on hostile input. */
  static final int MAX_DEPTH = 64;

  // An empty plain value ("key:") means "not given", as in most YAML tools; quoted "" stays a string.
  // The YAML engine stops at 3 Mi code points by default: the documented limit is the loader's.
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .loaderOptions(loaderOptions())
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH).maxStringLength(1 << 20).maxNumberLength(400).build())
      .build();

  private final Problems problems;

  private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
    org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
    o.setCodePointLimit(org.dpem.config.ConfigLoader.MAX_BYTES);
    return o;
  }

  private YamlTree(Problems problems) {
    this.problems = problems;
  }

  /**
   * Parses {@code text}. Syntax errors are added to {@code problems} with the parser's position and
   * the result is then null. An empty document gives an empty mapping.
   */
  public static YNode parse(String text, Problems problems) {
    return new YamlTree(problems).parseDocument(text);
  }

  private YNode parseDocument(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) return new YMap(new Mark(1, 1), Map.of());
      YNode root = read(p, t, 1, "");
      JsonToken extra = p.nextToken();
      if (extra != null) {
        problems.add(mark(p.currentTokenLocation()), "", "a config file holds one YAML document; found a second one here");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      syntaxError(loc == null ? new Mark(1, 1) : mark(loc), e.getOriginalMessage());
      return null;
    } catch (IOException | RuntimeException e) {
      // The YAML engine signals some malformed input with its own unchecked exceptions.
      syntaxError(new Mark(1, 1), String.valueOf(e.getMessage()));
      return null;
    }
  }

  private YNode read(JsonParser p, JsonToken t, int depth, String path) throws IOException {
    Mark at = mark(p.currentTokenLocation());
    if (depth > MAX_DEPTH) throw new TooDeep(at);
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      // Jackson hands an alias over as a string holding the anchor's name, which would then be
      // reported as a baffling bad value; and expanding aliases invites exponential documents.
      problems.add(at, path, "YAML aliases (*" + p.getText() + ") are not supported in config files; write the value out");
      return new YScalar(at, YScalar.Type.NULL, "", null);
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, YMap.Entry> entries = new LinkedHashMap<>();
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Mark keyMark = mark(p.currentTokenLocation());
          String keyPath = path.isEmpty() ? key : path + "." + key;
          YNode value = read(p, p.nextToken(), depth + 1, keyPath);
          YMap.Entry previous = entries.get(key);
          if (previous != null) {
            problems.add(keyMark, keyPath, "duplicate key (first given at line " + previous.keyMark().line() + ")");
          } else {
            entries.put(key, new YMap.Entry(key, keyMark, value));
          }
        }
        return new YMap(at, entries);
      }
      case START_ARRAY: {
        List<YNode> items = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == null) throw new IOException("unexpected end of input inside a list");
          items.add(read(p, t, depth + 1, path + "[" + items.size() + "]"));
        }
        return new YSeq(at, items);
      }
      case VALUE_STRING:
        return new YScalar(at, YScalar.Type.STRING, p.getText(), null);
      case VALUE_NUMBER_INT:
        return new YScalar(at, YScalar.Type.INTEGER, p.getText(), p.getNumberValue());
      case VALUE_NUMBER_FLOAT:
        return new YScalar(at, YScalar.Type.FLOAT, p.getText(), p.getDoubleValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new YScalar(at, YScalar.Type.BOOLEAN, p.getText(), null);
      case VALUE_NULL:
        return new YScalar(at, YScalar.Type.NULL, "", null);
      default:
        // Binary/embedded objects (e.g. !!binary) have no place in a config.
        return new YScalar(at, YScalar.Type.STRING, String.valueOf(p.getText()), null);
    }
  }

  static Mark mark(JsonLocation loc) {
    return new Mark(Math.max(loc.getLineNr(), 1), Math.max(loc.getColumnNr(), 1));
  }

  private static final Pattern READER_MARK = Pattern.compile("^\\s*in '.*', line (\\d+), column (\\d+):?$");

  /**
   * The YAML engine's message spans several lines: phrases, each followed by "in 'reader', line L,
   * column C:" and an echo of the source with a caret. Keep the phrases with their positions on
   * one line, and report at the last position (the problem; earlier ones are context).
   */
  private void syntaxError(Mark fallback, String raw) {
    StringBuilder msg = new StringBuilder();
    Mark at = fallback;
    for (String line : (raw == null ? "malformed input" : raw).split("\\R")) {
      Matcher m = READER_MARK.matcher(line);
      if (m.matches()) {
        at = new Mark(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        msg.append(" (line ").append(at.line()).append(", column ").append(at.column()).append(')');
      } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        if (msg.length() > 0) msg.append("; ");
        msg.append(line.strip());
      }
    }
    problems.add(at, "", "YAML syntax error: " + (msg.length() == 0 ? "malformed input" : msg));
  }

  /** Nesting past {@link #MAX_DEPTH}; turned into a problem by {@link #parseDocument}. */
  private static final class TooDeep extends JsonProcessingException {
    TooDeep(Mark at) {
      super("nesting deeper than " + MAX_DEPTH + " levels",
          new JsonLocation(null, -1, at.line(), at.column()));
    }
  }
}
