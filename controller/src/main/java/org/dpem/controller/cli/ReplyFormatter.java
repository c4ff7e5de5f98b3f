package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders an admin reply for a person: lists of objects as aligned tables, objects as
 * {@code key: value} lines, everything else as is. Scripts use {@code --json} instead.
 */
final class ReplyFormatter {
  private ReplyFormatter() {}

  static String format(JsonNode reply) {
    if (!reply.path("ok").asBoolean()) {
      return "error: " + reply.path("error").asText();
    }
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    reply.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("ok")) {
        fields.add(e);
      }
    });
    StringBuilder b = new StringBuilder();
    boolean headings = fields.size() > 1;
    for (Map.Entry<String, JsonNode> f : fields) {
      JsonNode v = f.getValue();
      if (v.isContainerNode()) {
        if (headings) {
          b.append(f.getKey()).append(":\n");
        }
        b.append(v.isArray() ? table(v) : pairs(v));
      } else {
        b.append(f.getKey()).append(": ").append(scalar(v)).append('\n');
      }
    }
    if (b.length() == 0) {
      return "ok";
    }
    return b.charAt(b.length() - 1) == '\n' ? b.substring(0, b.length() - 1) : b.toString();
  }

  private static String pairs(JsonNode obj) {
    StringBuilder b = new StringBuilder();
    int width = 0;
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      width = Math.max(width, it.next().length());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      b.append(pad(e.getKey() + ":", width + 1)).append(' ').append(cell(e.getValue())).append('\n');
    }
    return b.toString();
  }

  private static String table(JsonNode array) {
    if (array.isEmpty()) {
      return "(none)\n";
    }
    boolean objects = true;
    for (JsonNode row : array) {
      objects &= row.isObject();
    }
    if (!objects) {
      StringBuilder b = new StringBuilder();
      for (JsonNode v : array) {
        b.append(cell(v)).append('\n');
      }
      return b.toString();
    }
    Set<String> columns = new LinkedHashSet<>();
    for (JsonNode row : array) {
      row.fieldNames().forEachRemaining(columns::add);
    }
    List<String> cols = List.copyOf(columns);
    int[] width = new int[cols.size()];
    List<String[]> rows = new ArrayList<>();
    for (int c = 0; c < cols.size(); c++) {
      width[c] = cols.get(c).length();
    }
    for (JsonNode row : array) {
      String[] cells = new String[cols.size()];
      for (int c = 0; c < cols.size(); c++) {
        cells[c] = row.has(cols.get(c)) ? cell(row.get(cols.get(c))) : "";
        width[c] = Math.max(width[c], cells[c].length());
      }
      rows.add(cells);
    }
    StringBuilder b = new StringBuilder();
    line(b, cols.toArray(String[]::new), width);
    for (String[] r : rows) {
      line(b, r, width);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String[] cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      l.append(c == cells.length - 1 ? cells[c] : pad(cells[c], width[c]) + "  ");
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }

  private static String cell(JsonNode v) {
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(cell(x)));
      return String.join(",", parts);
    }
    return v.isObject() ? v.toString() : scalar(v);
  }

  private static String scalar(JsonNode v) {
    return v.isNull() ? "-" : v.asText();
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }
}
