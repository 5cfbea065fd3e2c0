package dev.lanyard.sdk.signing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of an HTTP request that SigV4 covers. Immutable.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the path as sent on the wire (still percent-encoded), without the query
 * @param queryParameters decoded query parameters, a multi-map (order irrelevant)
 * @param headers headers, a multi-map; names compare case-insensitively, values keep their order
 * @param payloadSha256 lower-case hex SHA-256 of the body
 */
public record SignableRequest(
    String method,
    String path,
    Map<String, List<String>> queryParameters,
    Map<String, List<String>> headers,
    String payloadSha256) {

  public SignableRequest {
    if (method == null || method.isEmpty() || !method.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
      throw new IllegalArgumentException(
          "method: must be an HTTP method token such as POST, got " + Untrusted.quote(method));
    }
    Objects.requireNonNull(path, "path");
    queryParameters = copy(queryParameters, "queryParameters");
    headers = copy(headers, "headers");
    if (!Canonicalization.isLowerHex256(payloadSha256)) {
      throw new IllegalArgumentException(
          "payloadSha256: must be 64 lower-case hex digits (SHA-256), got "
              + Untrusted.quote(payloadSha256));
    }
  }

  /** A builder for {@code method path}. */
  public static Builder builder(String method, String path) {
    return new Builder(method, path);
  }

  /** Every value of a header, matching its name case-insensitively, in order. */
  public List<String> headerValues(String name) {
    List<String> values = new ArrayList<>(1);
    headers.forEach(
        (key, list) -> {
          if (key.equalsIgnoreCase(name)) {
            values.addAll(list);
          }
        });
    return values;
  }

  /** The lower-cased names of the headers, each once, in first-seen order. */
  public List<String> headerNames() {
    List<String> names = new ArrayList<>(headers.size());
    for (String key : headers.keySet()) {
      String lower = key.toLowerCase(Locale.ROOT);
      if (!names.contains(lower)) {
        names.add(lower);
      }
    }
    return names;
  }

  /** A copy without any header of that name (case-insensitive) and with the given value. */
  public SignableRequest withHeader(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach(
        (key, list) -> {
          if (!key.equalsIgnoreCase(name)) {
            copy.put(key, list);
          }
        });
    copy.put(name, List.of(value));
    return new SignableRequest(method, path, queryParameters, copy, payloadSha256);
  }

  /** A copy without any header of that name (case-insensitive). */
  public SignableRequest withoutHeader(String name) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(key -> key.equalsIgnoreCase(name));
    return new SignableRequest(method, path, queryParameters, copy, payloadSha256);
  }

  /** Method, path and header names only: header values may hold secrets. */
  @Override
  public String toString() {
    return "SignableRequest[" + method + " " + path + ", headers=" + headerNames() + "]";
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> map, String field) {
    Objects.requireNonNull(map, field);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach(
        (key, values) -> {
          Objects.requireNonNull(key, field + ": a name is null");
          List<String> list = List.copyOf(Objects.requireNonNull(values, field + ": " + key));
          if (!list.isEmpty()) {
            copy.put(key, list);
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  /** Collects the parts of a request; the payload defaults to empty. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private String payloadSha256 = Canonicalization.EMPTY_PAYLOAD_SHA256;

    private Builder(String method, String path) {
      this.method = method;
      this.path = path;
    }

    /** Adds a decoded query parameter; a name may repeat. */
    public Builder queryParameter(String name, String value) {
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(Objects.requireNonNull(value, name));
      return this;
    }

    /** Adds a header value; a name may repeat. */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(Objects.requireNonNull(value, name));
      return this;
    }

    /** The body; only its SHA-256 is kept. */
    public Builder payload(byte[] body) {
      this.payloadSha256 = Canonicalization.sha256Hex(body);
      return this;
    }

    /** The body's SHA-256, lower-case hex, when the body itself is not at hand. */
    public Builder payloadSha256(String hex) {
      this.payloadSha256 = hex;
      return this;
    }

    public SignableRequest build() {
      return new SignableRequest(method, path, query, headers, payloadSha256);
    }
  }
}
