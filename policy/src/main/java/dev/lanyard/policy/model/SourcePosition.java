package dev.lanyard.policy.model;

/**
 * Where an element stands in its source document: a JSON path such as
 * {@code $.Statement[2].Condition.StringEquals} and a 1-based line and column. Line and column are
 * 0 when the document did not come from text.
 */
public record SourcePosition(String path, int line, int column) {
  public static final SourcePosition UNKNOWN = new SourcePosition("$", 0, 0);

  @Override
  public String toString() {
    return line > 0 ? path + " (line " + line + ", column " + column + ")" : path;
  }
}
