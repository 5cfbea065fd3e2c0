package dev.lanyard.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result as plain aligned text. A result holding a list of objects (users, roles, keys, ...)
 * prints one row per item with the items' simple fields as columns; any other result prints one
 * FIELD/VALUE row per simple field, nested fields named by their path ({@code Credentials.Expiration}).
 */
public final class TextTable {
  private TextTable() {}

  /** The table of {@code result}, lines ending in a newline; empty for an empty result. */
  public static String render(JsonNode result) {
    String listField = listField(result);
    StringBuilder out = new StringBuilder();
    if (listField != null) {
      appendRows(out, result.get(listField));
      List<String[]> rest = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals(listField)) {
          flatten(e.getKey(), e.getValue(), rest);
        }
      }
      if (!rest.isEmpty()) {
        out.append('\n');
        append(out, rest);
      }
      return out.toString();
    }
    List<String[]> rows = new ArrayList<>();
    flatten("", result, rows);
    if (rows.isEmpty()) {
      return "";
    }
    rows.add(0, new String[] {"FIELD", "VALUE"});
    append(out, rows);
    return out.toString();
  }

  /** The top-level field holding a list of objects, or null. */
  private static String listField(JsonNode result) {
    for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = e.getValue();
      if (value.isArray() && (value.isEmpty() || value.get(0).isObject())) {
        return e.getKey();
      }
    }
    return null;
  }

  private static void appendRows(StringBuilder out, JsonNode items) {
    Set<String> columns = new LinkedHashSet<>();
    for (JsonNode item : items) {
      item.fields().forEachRemaining(e -> {
        if (e.getValue().isValueNode()) {
          columns.add(e.getKey());
        }
      });
    }
    if (columns.isEmpty()) {
      out.append("(none)\n");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(columns.toArray(String[]::new));
    for (JsonNode item : items) {
      rows.add(columns.stream().map(c -> item.has(c) ? item.get(c).asText() : "").toArray(String[]::new));
    }
    append(out, rows);
  }

  private static void flatten(String path, JsonNode node, List<String[]> rows) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), rows));
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        rows.add(new String[] {path, ""});
      }
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), rows);
      }
    } else {
      rows.add(new String[] {path, node.asText()});
    }
  }

  private static void append(StringBuilder out, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - row[c].length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
