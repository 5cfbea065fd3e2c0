package dev.lanyard.sts.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameters of an STS Query request, decoded from a query string or a form body with
 * {@link URLDecoder}: a flat map of names such as {@code RoleArn}, with AWS's flattened lists
 * ({@code TransitiveTagKeys.member.1}) and lists of structures ({@code Tags.member.1.Key}) read back
 * in member order. A name given twice is refused rather than guessed at. Immutable.
 */
public final class QueryParameters {
  /** The only API version STS speaks. */
  public static final String VERSION = "2011-06-15";

  private static final int ECHO_LIMIT = 64;

  private final Map<String, String> values;

  private QueryParameters(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Decodes {@code application/x-www-form-urlencoded} text (a raw query string or a form body); null
   * or empty gives no parameters.
   */
  public static QueryParameters parse(String encoded) {
    return new QueryParameters(decode(encoded, new LinkedHashMap<>()));
  }

  /** These parameters and those of {@code other} (a POST's query string and its body). */
  public QueryParameters with(QueryParameters other) {
    Map<String, String> all = new LinkedHashMap<>(values);
    other.values.forEach((name, value) -> put(all, name, value));
    return new QueryParameters(all);
  }

  /** The value of {@code name}, or null when absent. */
  public String text(String name) {
    return values.get(name);
  }

  /** The value of {@code name} when present. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Every parameter name. */
  public Set<String> names() {
    return values.keySet();
  }

  /**
   * The integer value of {@code name}, or null when absent or empty.
   *
   * @throws QueryProtocolException {@code InvalidParameterValue} when it is not an integer
   */
  public Integer integer(String name) {
    String text = values.get(name);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new QueryProtocolException(QueryError.invalidParameter(name,
          "'" + echo(text) + "' is not an integer; give a whole number of seconds such as 3600"));
    }
  }

  /** The values of the flattened list {@code list} ({@code list.member.1}, {@code .2}, ...), in member order. */
  public List<String> members(String list) {
    String prefix = list + ".member.";
    TreeMap<Integer, String> found = new TreeMap<>();
    values.forEach((name, value) -> {
      if (name.startsWith(prefix) && name.indexOf('.', prefix.length()) < 0) {
        found.put(index(name, name.substring(prefix.length())), value);
      }
    });
    return List.copyOf(found.values());
  }

  /**
   * The structures of the flattened list {@code list} ({@code list.member.1.Key},
   * {@code list.member.1.Value}, ...): one map of field to value per member, in member order.
   */
  public List<Map<String, String>> structures(String list) {
    String prefix = list + ".member.";
    TreeMap<Integer, Map<String, String>> found = new TreeMap<>();
    values.forEach((name, value) -> {
      if (!name.startsWith(prefix)) {
        return;
      }
      int dot = name.indexOf('.', prefix.length());
      if (dot < 0) {
        return;
      }
      int n = index(name, name.substring(prefix.length(), dot));
      found.computeIfAbsent(n, k -> new LinkedHashMap<>()).put(name.substring(dot + 1), value);
    });
    List<Map<String, String>> members = new ArrayList<>(found.size());
    found.values().forEach(m -> members.add(Collections.unmodifiableMap(m)));
    return List.copyOf(members);
  }

  /** Parameter names only: values may be secrets (MFA codes, identity tokens, assertions). */
  @Override
  public String toString() {
    return "QueryParameters" + values.keySet();
  }

  /** An untrusted value made safe to quote in a message: printable, at most 64 characters. */
  static String echo(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(Math.min(value.length(), ECHO_LIMIT) + 3);
    for (int i = 0; i < value.length() && i < ECHO_LIMIT; i++) {
      char c = value.charAt(i);
      b.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
    }
    if (value.length() > ECHO_LIMIT) {
      b.append("...");
    }
    return b.toString();
  }

  private static int index(String name, String digits) {
    if (!digits.matches("[1-9][0-9]{0,3}")) {
      throw new QueryProtocolException(QueryError.invalidParameter(echo(name),
          "the member number must be a whole number from 1 to 9999, as in Tags.member.1.Key"));
    }
    return Integer.parseInt(digits);
  }

  private static Map<String, String> decode(String encoded, Map<String, String> into) {
    if (encoded == null || encoded.isEmpty()) {
      return into;
    }
    for (String pair : encoded.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        put(into, URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new QueryProtocolException(QueryError.malformedQuery(
            "the parameter beginning '" + echo(name) + "' has a malformed percent-encoding"));
      }
    }
    return into;
  }

  private static void put(Map<String, String> into, String name, String value) {
    if (name.isEmpty()) {
      throw new QueryProtocolException(QueryError.malformedQuery("a parameter has an empty name"));
    }
    if (into.putIfAbsent(name, value) != null) {
      throw new QueryProtocolException(QueryError.invalidParameter(echo(name),
          "given more than once; give each parameter once"));
    }
  }
}
