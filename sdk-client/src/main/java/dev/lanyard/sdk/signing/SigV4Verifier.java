package dev.lanyard.sdk.signing;

import dev.lanyard.sdk.signing.InvalidSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Verifies SigV4-signed requests with the signer's own code. The steps are separate because the
 * secret depends on who claims to have signed:
 *
 * <ol>
 *   <li>{@link #claim} parses {@code Authorization} and {@code X-Amz-Date} and checks their form;
 *   <li>{@link #requireScope} and {@link #requireFresh} check region, service and clock skew;
 *   <li>the caller looks up the secret of {@link SignatureClaim#accessKeyId()};
 *   <li>{@link #verify} recomputes the signature and compares in constant time.
 * </ol>
 *
 * Only {@code X-Amz-Date} is accepted as the request time (not {@code Date}); {@code host} and
 * {@code x-amz-date}, and {@code x-amz-security-token} when present, must be signed. A presigned
 * request ({@link PresignedParameters}) carries all of this in its query string instead; it must
 * sign {@code host}, and it is good from its {@code X-Amz-Date} until {@code X-Amz-Expires} seconds
 * later rather than within the skew either way (without {@code X-Amz-Expires}, within the skew).
 * A request with both forms is refused.
 */
public final class SigV4Verifier {
  private final SigV4Signer signer = new SigV4Signer();
  private final Clock clock;
  private final Duration maxSkew;

  /**
   * @param clock the verifier's time
   * @param maxSkew how far {@code X-Amz-Date} may be from the clock either way (AWS: 5 minutes)
   */
  public SigV4Verifier(Clock clock, Duration maxSkew) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxSkew.isNegative()) {
      throw new IllegalArgumentException("maxSkew: must not be negative, got " + maxSkew);
    }
    this.maxSkew = maxSkew;
  }

  /**
   * Parses and checks the form of what a request claims.
   *
   * @throws InvalidSignatureException {@code MissingAuthenticationToken} without an
   *     {@code Authorization} header, {@code IncompleteSignature} if it or {@code X-Amz-Date} is
   *     malformed or a required header is unsigned, {@code SignatureDoesNotMatch} if the scope date
   *     is not the request date or a signed header is absent
   */
  public SignatureClaim claim(SignableRequest request) {
    List<String> authorizations = request.headerValues(AuthorizationHeader.HEADER);
    if (PresignedParameters.present(request)) {
      if (!authorizations.isEmpty()) {
        throw new InvalidSignatureException(
            Reason.INCOMPLETE_SIGNATURE,
            "Only one authentication mechanism is allowed: the request has an 'Authorization' header"
                + " and presigned query parameters (X-Amz-Signature, X-Amz-Credential); send one of them");
      }
      return PresignedParameters.claim(request);
    }
    if (authorizations.isEmpty()) {
      throw new InvalidSignatureException(
          Reason.MISSING_AUTHENTICATION_TOKEN,
          "Request is missing Authentication Token: no 'authorization' header; sign the request "
              + "with AWS Signature Version 4");
    }
    AuthorizationHeader authorization = AuthorizationHeader.parse(single(authorizations, "Authorization"));
    List<String> dates = request.headerValues(AmzDate.HEADER);
    if (dates.isEmpty()) {
      throw new InvalidSignatureException(
          Reason.INCOMPLETE_SIGNATURE,
          "Authorization header requires existence of an 'X-Amz-Date' header");
    }
    String amzDate = single(dates, "X-Amz-Date").strip();
    Instant requestTime = AmzDate.parse(amzDate);
    String requestDate = amzDate.substring(0, 8);
    if (!authorization.scope().dateStamp().equals(requestDate)) {
      throw new InvalidSignatureException(
          Reason.SIGNATURE_DOES_NOT_MATCH,
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
              + "HTTP: '" + authorization.scope().dateStamp() + "' != '" + requestDate + "', from '"
              + amzDate + "'");
    }
    List<String> signed = authorization.signedHeaders();
    requireSigned(signed, "host");
    requireSigned(signed, AmzDate.HEADER);
    List<String> tokens = request.headerValues(SigV4Signer.SECURITY_TOKEN_HEADER);
    String sessionToken = tokens.isEmpty() ? null : single(tokens, "X-Amz-Security-Token");
    if (sessionToken != null) {
      requireSigned(signed, SigV4Signer.SECURITY_TOKEN_HEADER);
    }
    for (String name : signed) {
      if (request.headerValues(name).isEmpty()) {
        throw new InvalidSignatureException(
            Reason.SIGNATURE_DOES_NOT_MATCH,
            "SignedHeaders names " + Untrusted.quote(name) + " but the request has no such header");
      }
    }
    return new SignatureClaim(authorization, amzDate, requestTime, sessionToken);
  }

  /**
   * Checks that the signature is scoped to this region and service.
   *
   * @throws InvalidSignatureException {@code SignatureDoesNotMatch} naming the expected value
   */
  public void requireScope(SignatureClaim claim, String region, String service) {
    CredentialScope scope = claim.authorization().scope();
    if (!scope.region().equals(region)) {
      throw new InvalidSignatureException(
          Reason.SIGNATURE_DOES_NOT_MATCH,
          "Credential should be scoped to a valid region, not " + Untrusted.quote(scope.region())
              + "; expected '" + region + "'");
    }
    if (!scope.service().equals(service)) {
      throw new InvalidSignatureException(
          Reason.SIGNATURE_DOES_NOT_MATCH,
          "Credential should be scoped to correct service: '" + service + "', not "
              + Untrusted.quote(scope.service()));
    }
  }

  /**
   * Checks that the request time is within the allowed skew of the clock.
   *
   * @throws InvalidSignatureException {@code RequestExpired} with both times
   */
  public void requireFresh(SignatureClaim claim) {
    Instant now = clock.instant();
    Instant time = claim.requestTime();
    if (claim.expires() != null) {
      requireWithinValidity(claim, now);
      return;
    }
    if (time.isBefore(now.minus(maxSkew)) || time.isAfter(now.plus(maxSkew))) {
      throw new InvalidSignatureException(
          Reason.REQUEST_EXPIRED,
          "Request has expired: X-Amz-Date " + claim.amzDate() + " is more than "
              + maxSkew.toSeconds() + " seconds from the server time " + AmzDate.format(now)
              + "; check the client's clock");
    }
  }

  /**
   * A presigned request may be used from {@code X-Amz-Date} (less the allowed skew) until
   * {@code X-Amz-Expires} seconds after it.
   */
  private void requireWithinValidity(SignatureClaim claim, Instant now) {
    Instant time = claim.requestTime();
    if (time.isAfter(now.plus(maxSkew))) {
      throw new InvalidSignatureException(
          Reason.REQUEST_EXPIRED,
          "Request is not yet valid: X-Amz-Date " + claim.amzDate() + " is more than "
              + maxSkew.toSeconds() + " seconds after the server time " + AmzDate.format(now)
              + "; check the signer's clock");
    }
    if (now.isAfter(time.plus(claim.expires()))) {
      throw new InvalidSignatureException(
          Reason.REQUEST_EXPIRED,
          "Request has expired: the presigned request was valid for " + claim.expires().toSeconds()
              + " seconds from X-Amz-Date " + claim.amzDate() + ", and the server time is "
              + AmzDate.format(now) + "; presign it again");
    }
  }

  /** The signature the request should carry if signed with {@code secretAccessKey}. */
  public String expectedSignature(SignableRequest request, SignatureClaim claim, String secretAccessKey) {
    AuthorizationHeader authorization = claim.authorization();
    SignableRequest signed = claim.presigned() ? PresignedParameters.unsigned(request) : request;
    return signer.signature(signed, authorization.signedHeaders(), authorization.scope(), claim.amzDate(),
        authorization.accessKeyId(), secretAccessKey);
  }

  /** Whether the request's signature is the one {@code secretAccessKey} makes (constant time). */
  public boolean matches(SignableRequest request, SignatureClaim claim, String secretAccessKey) {
    return signaturesEqual(
        expectedSignature(request, claim, secretAccessKey), claim.authorization().signature());
  }

  /**
   * Checks the request's signature against {@code secretAccessKey}.
   *
   * @throws InvalidSignatureException {@code SignatureDoesNotMatch}, without revealing the
   *     expected signature
   */
  public void verify(SignableRequest request, SignatureClaim claim, String secretAccessKey) {
    if (!matches(request, claim, secretAccessKey)) {
      throw new InvalidSignatureException(
          Reason.SIGNATURE_DOES_NOT_MATCH,
          "The request signature we calculated does not match the signature you provided. Check "
              + "your Secret Access Key and signing method.");
    }
  }

  /** Compares two signatures in time independent of where they differ. */
  public static boolean signaturesEqual(String expected, String provided) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), provided.getBytes(StandardCharsets.US_ASCII));
  }

  private static String single(List<String> values, String header) {
    if (values.size() != 1) {
      throw new InvalidSignatureException(
          Reason.INCOMPLETE_SIGNATURE,
          header + ": the header must appear once, got " + values.size() + " values");
    }
    return values.get(0);
  }

  private static void requireSigned(List<String> signed, String header) {
    if (!signed.contains(header)) {
      throw new InvalidSignatureException(
          Reason.INCOMPLETE_SIGNATURE,
          "'" + header + "' must be a 'SignedHeader' in the AWS Authorization; SignedHeaders="
              + Untrusted.quote(String.join(";", signed)));
    }
  }
}
