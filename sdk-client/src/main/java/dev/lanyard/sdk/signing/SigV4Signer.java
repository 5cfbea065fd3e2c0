package dev.lanyard.sdk.signing;

import dev.lanyard.sdk.credentials.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Signs requests with AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}), exactly as AWS
 * specifies: canonical request, string to sign, derived signing key, {@code Authorization}
 * header. The payload is always hashed ({@code UNSIGNED-PAYLOAD} is never used). Thread-safe; it
 * keeps the signing keys it derived ({@link DerivedKeys}), so that a key is derived once a day per
 * access key.
 *
 * <p>Every header of the request is signed except {@code authorization} and the hop-by-hop or
 * proxy-rewritten headers AWS SDKs also leave out ({@code connection}, {@code expect},
 * {@code user-agent}, {@code x-amzn-trace-id}). The request must carry {@code host}.
 */
public final class SigV4Signer {
  /** The header that carries a session token. */
  public static final String SECURITY_TOKEN_HEADER = "x-amz-security-token";

  private static final Set<String> UNSIGNED_HEADERS =
      Set.of(AuthorizationHeader.HEADER, "connection", "expect", "user-agent", "x-amzn-trace-id");

  private final DerivedKeys derivedKeys = new DerivedKeys();

  /**
   * Signs a request: adds {@code x-amz-date} (and {@code x-amz-security-token} for session
   * credentials), replacing any already there, and computes the {@code Authorization} header.
   *
   * @throws IllegalArgumentException if the request has no {@code host} header
   */
  public SigV4Signature sign(
      SignableRequest request,
      Credentials credentials,
      String region,
      String service,
      Instant requestTime) {
    requireSignable(request, credentials);
    CredentialScope scope = CredentialScope.of(requestTime, region, service);
    String amzDate = AmzDate.format(requestTime);
    SignableRequest toSign =
        request.withoutHeader(AuthorizationHeader.HEADER).withHeader(AmzDate.HEADER, amzDate);
    toSign =
        credentials.isTemporary()
            ? toSign.withHeader(SECURITY_TOKEN_HEADER, credentials.sessionToken())
            : toSign.withoutHeader(SECURITY_TOKEN_HEADER);
    List<String> signedHeaders =
        toSign.headerNames().stream().filter(name -> !UNSIGNED_HEADERS.contains(name)).sorted().toList();
    String signature = signature(toSign, signedHeaders, scope, amzDate, credentials.accessKeyId(),
        credentials.secretAccessKey());
    AuthorizationHeader authorization =
        new AuthorizationHeader(credentials.accessKeyId(), scope, signedHeaders, signature);
    return new SigV4Signature(
        authorization,
        amzDate,
        credentials.sessionToken(),
        toSign.withHeader(AuthorizationHeader.HEADER, authorization.format()));
  }

  /**
   * Presigns a request: adds the query-string signature ({@link PresignedParameters}), good from
   * {@code requestTime} until {@code expires} later, and removes any {@code Authorization},
   * {@code X-Amz-Date} or {@code X-Amz-Security-Token} header (a request carries one form of
   * signature). A presigned {@code GetCallerIdentity} lets a third party confirm who signed it
   * without holding any secret. {@code host} and the request's other headers are signed as by
   * {@link #sign}, so whoever sends the request must send those headers too; the payload's hash is
   * signed as it is. The URL's query string is
   * {@code Canonicalization.canonicalQueryString(result.queryParameters())}.
   *
   * @throws IllegalArgumentException if the request has no {@code host} header, or {@code expires}
   *     is not a whole number of seconds from 1 second to 7 days
   */
  public SignableRequest presign(
      SignableRequest request,
      Credentials credentials,
      String region,
      String service,
      Instant requestTime,
      Duration expires) {
    requireSignable(request, credentials);
    if (expires.isNegative() || expires.isZero() || expires.getNano() != 0
        || expires.compareTo(PresignedParameters.MAX_EXPIRES) > 0) {
      throw new IllegalArgumentException(
          "expires: must be a whole number of seconds from 1 second to 7 days, got " + expires);
    }
    CredentialScope scope = CredentialScope.of(requestTime, region, service);
    String amzDate = AmzDate.format(requestTime);
    SignableRequest headers = request.withoutHeader(AuthorizationHeader.HEADER).withoutHeader(AmzDate.HEADER)
        .withoutHeader(SECURITY_TOKEN_HEADER);
    List<String> signedHeaders =
        headers.headerNames().stream().filter(name -> !UNSIGNED_HEADERS.contains(name)).sorted().toList();
    Map<String, List<String>> query = new LinkedHashMap<>(request.queryParameters());
    query.keySet().removeAll(PresignedParameters.NAMES);
    query.put(PresignedParameters.ALGORITHM, List.of(AuthorizationHeader.ALGORITHM));
    query.put(PresignedParameters.CREDENTIAL, List.of(credentials.accessKeyId() + '/' + scope));
    query.put(PresignedParameters.DATE, List.of(amzDate));
    query.put(PresignedParameters.EXPIRES, List.of(Long.toString(expires.toSeconds())));
    query.put(PresignedParameters.SIGNED_HEADERS, List.of(String.join(";", signedHeaders)));
    if (credentials.isTemporary()) {
      query.put(PresignedParameters.SECURITY_TOKEN, List.of(credentials.sessionToken()));
    }
    String signature = signature(
        new SignableRequest(request.method(), request.path(), query, headers.headers(), request.payloadSha256()),
        signedHeaders, scope, amzDate, credentials.accessKeyId(), credentials.secretAccessKey());
    query.put(PresignedParameters.SIGNATURE, List.of(signature));
    return new SignableRequest(request.method(), request.path(), query, headers.headers(), request.payloadSha256());
  }

  /**
   * The signature of a request over the named headers, for a scope, a request time and the access
   * key that signed it: what a verifier compares with the signature a request carries. The signing
   * key for the scope is derived once and kept ({@link DerivedKeys}).
   */
  public String signature(
      SignableRequest request,
      List<String> signedHeaders,
      CredentialScope scope,
      String amzDate,
      String accessKeyId,
      String secretAccessKey) {
    CanonicalRequest canonical = CanonicalRequest.of(request, signedHeaders);
    return derivedKeys.get(accessKeyId, secretAccessKey, scope)
        .sign(stringToSign(amzDate, scope, canonical));
  }

  private static void requireSignable(SignableRequest request, Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    if (request.headerValues("host").isEmpty()) {
      throw new IllegalArgumentException(
          "headers: 'host' is required (the authority the request is sent to, e.g. "
              + "'sts.example.com:7400'), got " + request.headerNames());
    }
  }

  /** {@code AWS4-HMAC-SHA256\n<amz date>\n<scope>\n<hex SHA-256 of the canonical request>}. */
  public static String stringToSign(String amzDate, CredentialScope scope, CanonicalRequest canonical) {
    return AuthorizationHeader.ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + canonical.sha256Hex();
  }
}
