package dev.lanyard.policy.match;

import dev.lanyard.policy.variable.Template;
import dev.lanyard.policy.variable.VariableSource;
import java.util.ArrayList;
import java.util.List;

/**
 * An ARN pattern from a {@code Resource} element or an {@code Arn*} condition value.
 *
 * <p>A pattern of the form {@code arn:partition:service:region:account:resource} is matched
 * segment by segment: a wildcard in the first five segments stays within its segment, while in
 * the resource segment (everything after the fifth colon) {@code *} crosses {@code /} and
 * {@code :}. Any other pattern, such as {@code *}, is matched as one glob over the whole value.
 * Matching is case-sensitive. Colons inside a variable ({@code ${aws:username}}) do not split.
 */
public final class ArnPattern {

  private static final int SEGMENTS = 5;

  private final String source;
  /** Partition, service, region, account, resource; null when {@link #whole} is used. */
  private final Glob[] segments;

  /**
   * {@code arn:partition:service:region:account:} when those four segments are plain text (the
   * usual case), so that they are checked with one comparison; else null.
   */
  private final String literalPrefix;

  private final Glob whole;

  private ArnPattern(String source, Glob[] segments, Glob whole) {
    this.source = source;
    this.segments = segments;
    this.whole = whole;
    this.literalPrefix = segments == null ? null : literalPrefix(segments);
  }

  private static String literalPrefix(Glob[] segments) {
    StringBuilder prefix = new StringBuilder("arn:");
    for (int i = 0; i < SEGMENTS - 1; i++) {
      String text = segments[i].literalText();
      if (text == null || text.indexOf(':') >= 0) {
        return null;
      }
      prefix.append(text).append(':');
    }
    return prefix.toString();
  }

  /** Compiles a pattern; {@code template} carries the variables, if the policy version has them. */
  public static ArnPattern compile(Template template) {
    List<List<Template.Part>> split = splitAtColons(template.parts());
    if (split.size() > SEGMENTS && isArnPrefix(split.get(0))) {
      Glob[] segments = new Glob[SEGMENTS];
      for (int i = 0; i < SEGMENTS; i++) {
        segments[i] = Glob.compile(split.get(i + 1), true);
      }
      return new ArnPattern(template.source(), segments, null);
    }
    return new ArnPattern(template.source(), null, Glob.compile(template.parts(), true));
  }

  /** Compiles a pattern with no variables. */
  public static ArnPattern of(String pattern) {
    return compile(Template.text(pattern));
  }

  /** Whether the pattern matches every value ({@code *}). */
  public boolean isMatchAll() {
    return whole != null && whole.isMatchAll();
  }

  /**
   * Whether {@code value} matches, resolving variables from {@code vars}. The resource segment,
   * the most selective, is tested before the others.
   */
  public boolean matches(String value, VariableSource vars) {
    if (whole != null) {
      return whole.matches(value, 0, value.length(), false, vars);
    }
    Glob resource = segments[SEGMENTS - 1];
    if (literalPrefix != null) {
      return value.startsWith(literalPrefix)
          && resource.matches(value, literalPrefix.length(), value.length(), false, vars);
    }
    if (!value.startsWith("arn:")) {
      return false;
    }
    int c1 = value.indexOf(':', 4);
    int c2 = c1 < 0 ? -1 : value.indexOf(':', c1 + 1);
    int c3 = c2 < 0 ? -1 : value.indexOf(':', c2 + 1);
    int c4 = c3 < 0 ? -1 : value.indexOf(':', c3 + 1);
    return c4 >= 0
        && resource.matches(value, c4 + 1, value.length(), false, vars)
        && segments[0].matches(value, 4, c1, false, vars)
        && segments[1].matches(value, c1 + 1, c2, false, vars)
        && segments[2].matches(value, c2 + 1, c3, false, vars)
        && segments[3].matches(value, c3 + 1, c4, false, vars);
  }

  private static boolean isArnPrefix(List<Template.Part> first) {
    return first.size() == 1
        && first.get(0) instanceof Template.Text text
        && text.text().equals("arn");
  }

  /** Splits at the first six colons of text parts; the rest stays in the last segment. */
  private static List<List<Template.Part>> splitAtColons(List<Template.Part> parts) {
    List<List<Template.Part>> out = new ArrayList<>();
    List<Template.Part> current = new ArrayList<>();
    for (Template.Part part : parts) {
      if (part instanceof Template.Text text && out.size() < SEGMENTS) {
        String s = text.text();
        int from = 0;
        int colon;
        while (out.size() < SEGMENTS && (colon = s.indexOf(':', from)) >= 0) {
          if (colon > from) {
            current.add(new Template.Text(s.substring(from, colon)));
          }
          out.add(current);
          current = new ArrayList<>();
          from = colon + 1;
        }
        if (from < s.length()) {
          current.add(new Template.Text(s.substring(from)));
        }
      } else {
        current.add(part);
      }
    }
    out.add(current);
    return out;
  }

  @Override
  public String toString() {
    return source;
  }
}
