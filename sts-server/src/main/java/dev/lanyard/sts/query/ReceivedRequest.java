package dev.lanyard.sts.query;

import com.sun.net.httpserver.HttpExchange;
import dev.lanyard.sdk.signing.SignableRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the Query door received it: method, raw path and query, headers, the body
 * (read up to a limit) and the peer's address. It yields the request's parameters and the
 * {@link SignableRequest} that SigV4 covers. {@link #toString()} shows no header value and no body.
 */
final class ReceivedRequest {
  private static final String FORM = "application/x-www-form-urlencoded";

  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String sourceAddress;

  private ReceivedRequest(String method, String rawPath, String rawQuery,
      Map<String, List<String>> headers, byte[] body, String sourceAddress) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.sourceAddress = sourceAddress;
  }

  /**
   * Reads {@code exchange}'s request.
   *
   * @throws QueryProtocolException 413 {@code ValidationError} when the body is over {@code maxBody} bytes
   */
  static ReceivedRequest read(HttpExchange exchange, int maxBody) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(maxBody + 1);
    }
    if (body.length > maxBody) {
      throw new QueryProtocolException(QueryError.bodyTooLarge(maxBody));
    }
    InetSocketAddress peer = exchange.getRemoteAddress();
    String source = peer != null && peer.getAddress() != null ? peer.getAddress().getHostAddress() : null;
    return new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), headers, body, source);
  }

  String method() {
    return method;
  }

  String sourceAddress() {
    return sourceAddress;
  }

  /**
   * The request's parameters: the query string, and for POST also the form body.
   *
   * @throws QueryProtocolException when a POST carries a body that is not a URL-encoded form
   */
  QueryParameters parameters() {
    QueryParameters query = QueryParameters.parse(rawQuery);
    if (!method.equals("POST") || body.length == 0) {
      return query;
    }
    String contentType = firstHeader("Content-Type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).strip().startsWith(FORM)) {
      throw new QueryProtocolException(QueryError.unsupportedContentType(contentType));
    }
    return query.with(QueryParameters.parse(new String(body, StandardCharsets.UTF_8)));
  }

  /** What SigV4 covers: method, raw path, decoded query parameters, every header, the body. */
  SignableRequest signable() {
    SignableRequest.Builder b = SignableRequest.builder(method, rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
    QueryParameters query = QueryParameters.parse(rawQuery);
    for (String name : query.names()) {
      b.queryParameter(name, query.text(name));
    }
    headers.forEach((name, values) -> values.forEach(v -> b.header(name, v)));
    return b.payload(body).build();
  }

  private String firstHeader(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "ReceivedRequest[" + method + " " + rawPath + ", headers=" + headers.keySet() + ", body "
        + body.length + " bytes]";
  }
}
