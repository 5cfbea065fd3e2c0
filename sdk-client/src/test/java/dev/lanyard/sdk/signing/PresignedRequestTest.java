package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.InvalidSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** SigV4 in the query string: what the signer presigns, the verifier accepts, and every way it refuses. */
class PresignedRequestTest {
  private static final Instant SIGNED_AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration VALID_FOR = Duration.ofSeconds(60);
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Credentials KEYS = Credentials.longTerm("AKIAEXAMPLE", SECRET);
  private static final Credentials SESSION =
      Credentials.session("ASIAEXAMPLE", SECRET, "session+token/value=", SIGNED_AT.plusSeconds(3600));

  private final SigV4Signer signer = new SigV4Signer();

  private static SignableRequest getCallerIdentity() {
    return SignableRequest.builder("GET", "/")
        .queryParameter("Action", "GetCallerIdentity")
        .queryParameter("Version", "2011-06-15")
        .header("host", "sts.example.com:7401")
        .header("x-k8s-aws-id", "cluster-a")
        .build();
  }

  private SignableRequest presigned(Credentials credentials) {
    return signer.presign(getCallerIdentity(), credentials, "us-east-1", "sts", SIGNED_AT, VALID_FOR);
  }

  private static SigV4Verifier verifierAt(Instant now) {
    return new SigV4Verifier(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(5));
  }

  /** Claims, checks scope and time at {@code now}, and verifies with the secret. */
  private static void accept(SignableRequest request, Instant now) {
    SigV4Verifier verifier = verifierAt(now);
    SignatureClaim claim = verifier.claim(request);
    verifier.requireScope(claim, "us-east-1", "sts");
    verifier.requireFresh(claim);
    verifier.verify(request, claim, SECRET);
  }

  private static SignableRequest withQuery(SignableRequest request, Consumer<Map<String, List<String>>> change) {
    Map<String, List<String>> query = new LinkedHashMap<>(request.queryParameters());
    change.accept(query);
    return new SignableRequest(request.method(), request.path(), query, request.headers(), request.payloadSha256());
  }

  @Test
  void thePresignedRequestCarriesItsSignatureInTheQueryAndNoSignatureHeaders() {
    SignableRequest request = presigned(SESSION);
    Map<String, List<String>> q = request.queryParameters();
    assertEquals(List.of("AWS4-HMAC-SHA256"), q.get("X-Amz-Algorithm"));
    assertEquals(List.of("ASIAEXAMPLE/20260301/us-east-1/sts/aws4_request"), q.get("X-Amz-Credential"));
    assertEquals(List.of("20260301T100000Z"), q.get("X-Amz-Date"));
    assertEquals(List.of("60"), q.get("X-Amz-Expires"));
    assertEquals(List.of("host;x-k8s-aws-id"), q.get("X-Amz-SignedHeaders"));
    assertEquals(List.of("session+token/value="), q.get("X-Amz-Security-Token"));
    assertTrue(Canonicalization.isLowerHex256(q.get("X-Amz-Signature").get(0)));
    assertTrue(request.headerValues("authorization").isEmpty());
    assertTrue(request.headerValues("x-amz-date").isEmpty());
    assertTrue(request.headerValues("x-amz-security-token").isEmpty());
  }

  @Test
  void isAcceptedFromItsDateUntilItExpires() {
    for (Credentials credentials : List.of(KEYS, SESSION)) {
      SignableRequest request = presigned(credentials);
      assertDoesNotThrow(() -> accept(request, SIGNED_AT));
      assertDoesNotThrow(() -> accept(request, SIGNED_AT.plus(VALID_FOR)));
      SignatureClaim claim = verifierAt(SIGNED_AT).claim(request);
      assertTrue(claim.presigned());
      assertEquals(VALID_FOR, claim.expires());
      assertEquals(credentials.sessionToken(), claim.sessionToken());
      assertFalse(claim.toString().contains("session+token"), "toString leaves the token out");
    }
  }

  @Test
  void anExpiredPresignedRequestIsRefused() {
    SignableRequest request = presigned(KEYS);
    assertRefused(Reason.REQUEST_EXPIRED, "valid for 60 seconds from X-Amz-Date 20260301T100000Z",
        () -> accept(request, SIGNED_AT.plus(VALID_FOR).plusSeconds(1)));
  }

  @Test
  void withoutXAmzExpiresItIsHeldToTheClockSkew() {
    SignableRequest request = presigned(KEYS);
    SignableRequest noExpiry = withQuery(request, q -> q.remove("X-Amz-Expires"));
    SignatureClaim claim = verifierAt(SIGNED_AT).claim(noExpiry);
    assertTrue(claim.presigned());
    assertNull(claim.expires());
    assertRefused(Reason.SIGNATURE_DOES_NOT_MATCH, "does not match", () -> accept(noExpiry, SIGNED_AT),
        "X-Amz-Expires was signed, so removing it breaks the signature");

    SignableRequest unexpiring = withQuery(noExpiry, q -> q.remove("X-Amz-Signature"));
    SigV4Verifier verifier = verifierAt(SIGNED_AT);
    String signature = new SigV4Signer().signature(unexpiring, List.of("host", "x-k8s-aws-id"),
        CredentialScope.of(SIGNED_AT, "us-east-1", "sts"), "20260301T100000Z", "AKIAEXAMPLE", SECRET);
    SignableRequest signedWithoutExpiry = withQuery(unexpiring, q -> q.put("X-Amz-Signature", List.of(signature)));
    assertDoesNotThrow(() -> accept(signedWithoutExpiry, SIGNED_AT.plus(Duration.ofMinutes(5))));
    assertRefused(Reason.REQUEST_EXPIRED, "more than 300 seconds",
        () -> accept(signedWithoutExpiry, SIGNED_AT.plus(Duration.ofMinutes(5)).plusSeconds(1)));
    assertFalse(verifier.claim(signedWithoutExpiry).toString().contains(" for "));
  }

  @Test
  void aRequestDatedBeyondTheSkewIsNotYetValid() {
    SignableRequest request = presigned(KEYS);
    assertDoesNotThrow(() -> accept(request, SIGNED_AT.minus(Duration.ofMinutes(5))));
    assertRefused(Reason.REQUEST_EXPIRED, "not yet valid",
        () -> accept(request, SIGNED_AT.minus(Duration.ofMinutes(5)).minusSeconds(1)));
  }

  @Test
  void everySignedPartIsCoveredByTheSignature() {
    SignableRequest request = presigned(SESSION);
    List<SignableRequest> tampered = List.of(
        withQuery(request, q -> q.put("Action", List.of("AssumeRole"))),
        withQuery(request, q -> q.put("RoleArn", List.of("arn:aws:iam::123456789012:role/admin"))),
        withQuery(request, q -> q.put("X-Amz-Expires", List.of("604800"))),
        withQuery(request, q -> q.put("X-Amz-Security-Token", List.of("another-token"))),
        request.withHeader("x-k8s-aws-id", "cluster-b"),
        new SignableRequest("POST", request.path(), request.queryParameters(), request.headers(),
            request.payloadSha256()),
        new SignableRequest(request.method(), request.path(), request.queryParameters(), request.headers(),
            Canonicalization.sha256Hex("Action=AssumeRole".getBytes(StandardCharsets.UTF_8))));
    for (SignableRequest t : tampered) {
      assertRefused(Reason.SIGNATURE_DOES_NOT_MATCH, "does not match", () -> accept(t, SIGNED_AT));
    }
    SignableRequest tokenRemoved = withQuery(request, q -> q.remove("X-Amz-Security-Token"));
    SignatureClaim claim = verifierAt(SIGNED_AT).claim(tokenRemoved);
    assertNull(claim.sessionToken());
    assertFalse(verifierAt(SIGNED_AT).matches(tokenRemoved, claim, SECRET));
    assertFalse(verifierAt(SIGNED_AT).matches(request, verifierAt(SIGNED_AT).claim(request), "another secret"));
  }

  @Test
  void malformedQuerySignaturesAreRefusedNamingTheParameter() {
    SignableRequest request = presigned(KEYS);
    for (String expires : List.of("0", "-5", "604801", "abc", "", "99999999999")) {
      assertRefused(Reason.INCOMPLETE_SIGNATURE, "X-Amz-Expires: must be a whole number of seconds from 1 to 604800",
          () -> verifierAt(SIGNED_AT).claim(withQuery(request, q -> q.put("X-Amz-Expires", List.of(expires)))));
    }
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "requires the query parameter 'X-Amz-Date'",
        () -> verifierAt(SIGNED_AT).claim(withQuery(request, q -> q.remove("X-Amz-Date"))));
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "X-Amz-Algorithm: only AWS4-HMAC-SHA256",
        () -> verifierAt(SIGNED_AT).claim(withQuery(request, q -> q.put("X-Amz-Algorithm", List.of("AWS4-HMAC-SHA1")))));
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "X-Amz-Credential: must be AKID/",
        () -> verifierAt(SIGNED_AT).claim(withQuery(request, q -> q.put("X-Amz-Credential", List.of("AKIAEXAMPLE")))));
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "'host' must be one of the X-Amz-SignedHeaders",
        () -> verifierAt(SIGNED_AT).claim(withQuery(request, q -> q.put("X-Amz-SignedHeaders", List.of("x-k8s-aws-id")))));
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "'host' must be one of the X-Amz-SignedHeaders",
        () -> verifierAt(SIGNED_AT).claim(withQuery(request, q -> q.put("X-Amz-SignedHeaders", List.of("")))));
    assertRefused(Reason.SIGNATURE_DOES_NOT_MATCH, "no such header",
        () -> verifierAt(SIGNED_AT).claim(request.withoutHeader("x-k8s-aws-id")));
    assertRefused(Reason.SIGNATURE_DOES_NOT_MATCH, "does not match the date",
        () -> verifierAt(SIGNED_AT).claim(withQuery(request, q -> q.put("X-Amz-Date", List.of("20260302T100000Z")))));
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "must appear once",
        () -> verifierAt(SIGNED_AT).claim(withQuery(request, q -> q.put("X-Amz-Signature",
            List.of(q.get("X-Amz-Signature").get(0), q.get("X-Amz-Signature").get(0))))));
  }

  @Test
  void aRequestWithBothKindsOfSignatureIsRefused() {
    SignableRequest headerSigned = signer.sign(getCallerIdentity(), KEYS, "us-east-1", "sts", SIGNED_AT).signedRequest();
    SignableRequest both = withQuery(headerSigned, q -> q.putAll(presigned(KEYS).queryParameters()));
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "Only one authentication mechanism",
        () -> verifierAt(SIGNED_AT).claim(both));
  }

  @Test
  void presignRefusesWhatAVerifierWouldRefuse() {
    for (Duration expires : List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMillis(1500),
        Duration.ofDays(7).plusSeconds(1))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> signer.presign(getCallerIdentity(), KEYS, "us-east-1", "sts", SIGNED_AT, expires));
      assertTrue(e.getMessage().startsWith("expires:"), e.getMessage());
    }
    assertDoesNotThrow(() -> signer.presign(getCallerIdentity(), KEYS, "us-east-1", "sts", SIGNED_AT,
        Duration.ofDays(7)));
    assertThrows(IllegalArgumentException.class, () -> signer.presign(getCallerIdentity().withoutHeader("host"),
        KEYS, "us-east-1", "sts", SIGNED_AT, VALID_FOR));
  }

  private static void assertRefused(Reason reason, String messagePart, Executable executable) {
    assertRefused(reason, messagePart, executable, "");
  }

  private static void assertRefused(Reason reason, String messagePart, Executable executable, String why) {
    InvalidSignatureException e = assertThrows(InvalidSignatureException.class, executable, why);
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }
}
