package dev.lanyard.sdk.signing;

import java.util.List;
import java.util.Locale;

/**
 * A SigV4 canonical request: method, canonical URI, canonical query, canonical headers, signed
 * header names and payload hash, each on its own line. Its text can hold a session token, so
 * {@link #toString()} shows only the signed header names and the hash.
 *
 * @param text the canonical request
 * @param signedHeaders the lower-case, sorted names of the headers it covers
 */
public record CanonicalRequest(String text, List<String> signedHeaders) {

  public CanonicalRequest {
    signedHeaders = List.copyOf(signedHeaders);
  }

  /**
   * Builds the canonical request of {@code request} over {@code signedHeaders}.
   *
   * @param signedHeaders lower-case header names, sorted, without duplicates; each must be present
   *     in the request
   * @throws IllegalArgumentException if a named header is absent or the names are not canonical
   */
  public static CanonicalRequest of(SignableRequest request, List<String> signedHeaders) {
    StringBuilder text = new StringBuilder(256);
    text.append(request.method()).append('\n');
    text.append(Canonicalization.canonicalUri(request.path())).append('\n');
    text.append(Canonicalization.canonicalQueryString(request.queryParameters())).append('\n');
    String previous = null;
    for (String name : signedHeaders) {
      if (!name.equals(name.toLowerCase(Locale.ROOT))
          || (previous != null && previous.compareTo(name) >= 0)) {
        throw new IllegalArgumentException(
            "signedHeaders: must be lower-case, sorted and unique, got " + signedHeaders);
      }
      List<String> values = request.headerValues(name);
      if (values.isEmpty()) {
        throw new IllegalArgumentException(
            "signedHeaders: names " + Untrusted.quote(name) + " but the request has no such header");
      }
      text.append(name).append(':').append(Canonicalization.canonicalHeaderValue(values)).append('\n');
      previous = name;
    }
    text.append('\n');
    text.append(String.join(";", signedHeaders)).append('\n');
    text.append(request.payloadSha256());
    return new CanonicalRequest(text.toString(), signedHeaders);
  }

  /** The signed header names joined with {@code ;}. */
  public String signedHeadersString() {
    return String.join(";", signedHeaders);
  }

  /** Hex SHA-256 of the text, the last line of the string to sign. */
  public String sha256Hex() {
    return Canonicalization.sha256Hex(text);
  }

  @Override
  public String toString() {
    return "CanonicalRequest[signedHeaders=" + signedHeadersString() + ", sha256=" + sha256Hex() + "]";
  }
}
