package dev.lanyard.sdk.signing;

import dev.lanyard.sdk.signing.InvalidSignatureException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SigV4 in the query string (a presigned request), as AWS's presigned URLs carry it: the
 * {@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Date}, {@code X-Amz-Expires},
 * {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature} and, for session credentials,
 * {@code X-Amz-Security-Token} parameters. A presigned {@code GetCallerIdentity} is how a workload
 * proves its identity to a third party. The signature covers every query parameter but
 * {@code X-Amz-Signature}, the signed headers (at least {@code host}) and the payload's SHA-256.
 * Without {@code X-Amz-Expires} (the AWS SDK for Java v2 signs so in the query string when given no
 * expiration), the request is held to the clock skew, as one signed in its headers.
 */
public final class PresignedParameters {
  public static final String ALGORITHM = "X-Amz-Algorithm";
  public static final String CREDENTIAL = "X-Amz-Credential";
  public static final String DATE = "X-Amz-Date";
  public static final String EXPIRES = "X-Amz-Expires";
  public static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
  public static final String SIGNATURE = "X-Amz-Signature";
  public static final String SECURITY_TOKEN = "X-Amz-Security-Token";
  /** Every parameter of a query-string signature. */
  public static final Set<String> NAMES =
      Set.of(ALGORITHM, CREDENTIAL, DATE, EXPIRES, SIGNED_HEADERS, SIGNATURE, SECURITY_TOKEN);
  /** The longest validity AWS allows a presigned request: 7 days. */
  public static final Duration MAX_EXPIRES = Duration.ofDays(7);

  private PresignedParameters() {}

  /** Whether the request carries any of the query-string signature's own parameters. */
  public static boolean present(SignableRequest request) {
    Map<String, List<String>> query = request.queryParameters();
    return query.containsKey(ALGORITHM) || query.containsKey(CREDENTIAL) || query.containsKey(SIGNATURE);
  }

  /**
   * Parses and checks the form of a presigned request's claim.
   *
   * @throws InvalidSignatureException {@code IncompleteSignature} naming a missing, repeated or
   *     malformed parameter, or an unsigned {@code host}; {@code SignatureDoesNotMatch} if the scope
   *     date is not the request date or a signed header is absent
   */
  static SignatureClaim claim(SignableRequest request) {
    String algorithm = required(request, ALGORITHM);
    if (!algorithm.equals(AuthorizationHeader.ALGORITHM)) {
      throw incomplete(ALGORITHM + ": only " + AuthorizationHeader.ALGORITHM + " is accepted, got "
          + Untrusted.quote(algorithm));
    }
    String credential = required(request, CREDENTIAL);
    int slash = credential.indexOf('/');
    if (slash <= 0) {
      throw incomplete(CREDENTIAL + ": must be AKID/yyyyMMdd/region/service/aws4_request, got "
          + Untrusted.quote(credential));
    }
    CredentialScope scope = CredentialScope.parse(credential.substring(slash + 1));
    String amzDate = required(request, DATE).strip();
    Instant requestTime = AmzDate.parse(amzDate);
    if (!scope.dateStamp().equals(amzDate.substring(0, 8))) {
      throw new InvalidSignatureException(Reason.SIGNATURE_DOES_NOT_MATCH,
          "Date in " + CREDENTIAL + " does not match the date of " + DATE + ": '" + scope.dateStamp()
              + "' != '" + amzDate.substring(0, 8) + "'");
    }
    Duration expires = request.queryParameters().containsKey(EXPIRES) ? expires(required(request, EXPIRES)) : null;
    String names = required(request, SIGNED_HEADERS);
    List<String> signedHeaders = names.isEmpty() ? List.of() : Arrays.asList(names.split(";", -1));
    if (!signedHeaders.contains("host")) {
      throw incomplete("'host' must be one of the " + SIGNED_HEADERS + ", got " + Untrusted.quote(names));
    }
    AuthorizationHeader signature = new AuthorizationHeader(credential.substring(0, slash), scope, signedHeaders,
        required(request, SIGNATURE));
    for (String name : signature.signedHeaders()) {
      if (request.headerValues(name).isEmpty()) {
        throw new InvalidSignatureException(Reason.SIGNATURE_DOES_NOT_MATCH,
            SIGNED_HEADERS + " names " + Untrusted.quote(name) + " but the request has no such header");
      }
    }
    List<String> tokens = request.queryParameters().get(SECURITY_TOKEN);
    String sessionToken = tokens == null ? null : required(request, SECURITY_TOKEN);
    return new SignatureClaim(signature, amzDate, requestTime, sessionToken, true, expires);
  }

  /** The request as it was signed: without {@code X-Amz-Signature}. */
  static SignableRequest unsigned(SignableRequest request) {
    Map<String, List<String>> query = new LinkedHashMap<>(request.queryParameters());
    query.remove(SIGNATURE);
    return new SignableRequest(request.method(), request.path(), query, request.headers(), request.payloadSha256());
  }

  private static Duration expires(String text) {
    long seconds;
    try {
      seconds = text.length() > 7 ? -1 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 1 || seconds > MAX_EXPIRES.toSeconds()) {
      throw incomplete(EXPIRES + ": must be a whole number of seconds from 1 to " + MAX_EXPIRES.toSeconds()
          + " (7 days), got " + Untrusted.quote(text));
    }
    return Duration.ofSeconds(seconds);
  }

  private static String required(SignableRequest request, String name) {
    List<String> values = request.queryParameters().get(name);
    if (values == null) {
      throw incomplete("a presigned request requires the query parameter '" + name + "'; it carries "
          + ALGORITHM + ", " + CREDENTIAL + ", " + DATE + ", " + SIGNED_HEADERS + ", " + SIGNATURE
          + " and usually " + EXPIRES);
    }
    if (values.size() != 1) {
      throw incomplete(name + ": the query parameter must appear once, got " + values.size() + " values");
    }
    return values.get(0);
  }

  private static InvalidSignatureException incomplete(String message) {
    return new InvalidSignatureException(Reason.INCOMPLETE_SIGNATURE, message);
  }
}
