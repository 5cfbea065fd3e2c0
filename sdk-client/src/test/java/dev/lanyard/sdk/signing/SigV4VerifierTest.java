package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.InvalidSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SigV4VerifierTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Credentials KEYS = Credentials.longTerm("AKIAEXAMPLE", SECRET);
  private static final Credentials SESSION =
      Credentials.session("ASIAEXAMPLE", SECRET, "session-token-value", NOW.plusSeconds(3600));

  private final SigV4Signer signer = new SigV4Signer();
  private final SigV4Verifier verifier =
      new SigV4Verifier(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

  private static SignableRequest request() {
    return SignableRequest.builder("POST", "/lanyard.sts.v1.SecurityTokenService/AssumeRole")
        .queryParameter("a", "1")
        .header("host", "sts.example.com:7400")
        .header("x-custom", "signed value")
        .payload("message bytes".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private SignableRequest signed(Credentials credentials, Instant at) {
    return signer.sign(request(), credentials, "us-east-1", "sts", at).signedRequest();
  }

  @Test
  void acceptsAFreshCorrectlySignedRequest() {
    SignableRequest request = signed(SESSION, NOW);
    SignatureClaim claim = verifier.claim(request);
    assertEquals("ASIAEXAMPLE", claim.accessKeyId());
    assertEquals("session-token-value", claim.sessionToken());
    assertEquals(NOW, claim.requestTime());
    assertDoesNotThrow(() -> verifier.requireScope(claim, "us-east-1", "sts"));
    assertDoesNotThrow(() -> verifier.requireFresh(claim));
    assertDoesNotThrow(() -> verifier.verify(request, claim, SECRET));
  }

  @Test
  void refusesARequestWithoutAuthorization() {
    SignableRequest request = signed(KEYS, NOW).withoutHeader("authorization");
    assertRefused(Reason.MISSING_AUTHENTICATION_TOKEN, "no 'authorization' header", () -> verifier.claim(request));
  }

  @Test
  void refusesTwoAuthorizationHeaders() {
    SignableRequest one = signed(KEYS, NOW);
    SignableRequest two =
        SignableRequest.builder("POST", one.path())
            .header("host", "sts.example.com:7400")
            .header("x-amz-date", AmzDate.format(NOW))
            .header("Authorization", one.headerValues("authorization").get(0))
            .header("authorization", one.headerValues("authorization").get(0))
            .build();
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "must appear once", () -> verifier.claim(two));
  }

  @Test
  void requiresXAmzDate() {
    SignableRequest request = signed(KEYS, NOW).withoutHeader("x-amz-date");
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "'X-Amz-Date' header", () -> verifier.claim(request));
    SignableRequest malformed = signed(KEYS, NOW).withHeader("X-Amz-Date", "Sun, 01 Mar 2026 10:00:00 GMT");
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "yyyyMMdd'T'HHmmss'Z'", () -> verifier.claim(malformed));
  }

  @Test
  void requiresTheScopeDateToBeTheRequestDate() {
    SignableRequest request = signed(KEYS, NOW).withHeader("x-amz-date", "20260302T100000Z");
    assertRefused(Reason.SIGNATURE_DOES_NOT_MATCH, "'20260301' != '20260302'", () -> verifier.claim(request));
  }

  @Test
  void requiresHostAndDateToBeSigned() {
    SignableRequest signed = signed(KEYS, NOW);
    String authorization = signed.headerValues("authorization").get(0);
    SignableRequest noHost =
        signed.withHeader("authorization", authorization.replace("SignedHeaders=host;", "SignedHeaders="));
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "'host' must be a 'SignedHeader'", () -> verifier.claim(noHost));
    SignableRequest noDate =
        signed.withHeader("authorization", authorization.replace(";x-amz-date", ""));
    assertRefused(Reason.INCOMPLETE_SIGNATURE, "'x-amz-date' must be a 'SignedHeader'", () -> verifier.claim(noDate));
  }

  @Test
  void requiresASessionTokenToBeSigned() {
    SignableRequest request = signed(KEYS, NOW).withHeader("X-Amz-Security-Token", "added-later");
    assertRefused(
        Reason.INCOMPLETE_SIGNATURE, "'x-amz-security-token' must be a 'SignedHeader'", () -> verifier.claim(request));
  }

  @Test
  void refusesASignedHeaderThatIsAbsent() {
    SignableRequest request = signed(KEYS, NOW).withoutHeader("X-Custom");
    assertRefused(Reason.SIGNATURE_DOES_NOT_MATCH, "'x-custom' but the request has no such header",
        () -> verifier.claim(request));
  }

  @Test
  void checksRegionAndServiceNamingTheExpectedValue() {
    SignatureClaim claim = verifier.claim(signed(KEYS, NOW));
    assertRefused(Reason.SIGNATURE_DOES_NOT_MATCH, "not 'us-east-1'; expected 'eu-west-1'",
        () -> verifier.requireScope(claim, "eu-west-1", "sts"));
    assertRefused(Reason.SIGNATURE_DOES_NOT_MATCH, "correct service: 'iam', not 'sts'",
        () -> verifier.requireScope(claim, "us-east-1", "iam"));
  }

  @Test
  void allowsFiveMinutesOfSkewEitherWayAndNoMore() {
    Duration skew = Duration.ofMinutes(5);
    assertDoesNotThrow(() -> verifier.requireFresh(verifier.claim(signed(KEYS, NOW.minus(skew)))));
    assertDoesNotThrow(() -> verifier.requireFresh(verifier.claim(signed(KEYS, NOW.plus(skew)))));
    SignatureClaim old = verifier.claim(signed(KEYS, NOW.minus(skew).minusSeconds(1)));
    assertRefused(Reason.REQUEST_EXPIRED, "20260301T095459Z is more than 300 seconds from the server time 20260301T100000Z",
        () -> verifier.requireFresh(old));
    SignatureClaim future = verifier.claim(signed(KEYS, NOW.plus(skew).plusSeconds(1)));
    assertRefused(Reason.REQUEST_EXPIRED, "more than 300 seconds", () -> verifier.requireFresh(future));
  }

  @Test
  void refusesAnotherSecretWithoutRevealingTheExpectedSignature() {
    SignableRequest request = signed(KEYS, NOW);
    SignatureClaim claim = verifier.claim(request);
    String expected = verifier.expectedSignature(request, claim, "another secret");
    InvalidSignatureException e =
        assertThrows(InvalidSignatureException.class, () -> verifier.verify(request, claim, "another secret"));
    assertEquals(Reason.SIGNATURE_DOES_NOT_MATCH, e.reason());
    assertFalse(e.getMessage().contains(expected));
    assertFalse(e.getMessage().contains(claim.authorization().signature()));
  }

  @Test
  void everySignedPartIsCovered() {
    assertTampered(r -> rebuild(r, "PUT", r.path(), null));
    assertTampered(r -> rebuild(r, r.method(), "/lanyard.sts.v1.SecurityTokenService/GetSessionToken", null));
    assertTampered(r -> rebuild(r, r.method(), r.path(), Canonicalization.sha256Hex("other bytes")));
    assertTampered(r -> r.withHeader("x-custom", "changed"));
    assertTampered(r -> r.withHeader("host", "evil.example.com"));
    assertTampered(r -> r.withHeader("x-amz-security-token", "another-token"));
    assertTampered(
        r -> new SignableRequest(r.method(), r.path(), java.util.Map.of("a", java.util.List.of("2")),
            r.headers(), r.payloadSha256()));
  }

  @Test
  void unsignedHeadersMayChange() {
    SignableRequest request = signed(SESSION, NOW).withHeader("user-agent", "added by a proxy");
    SignatureClaim claim = verifier.claim(request);
    assertTrue(verifier.matches(request, claim, SECRET));
  }

  @Test
  void comparesSignaturesExactly() {
    String a = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    assertTrue(SigV4Verifier.signaturesEqual(a, new String(a.toCharArray())));
    assertFalse(SigV4Verifier.signaturesEqual(a, a.substring(0, 63) + "8"));
    assertFalse(SigV4Verifier.signaturesEqual(a, a.substring(0, 63)));
  }

  @Test
  void claimToStringHidesTheSessionToken() {
    SignatureClaim claim = verifier.claim(signed(SESSION, NOW));
    assertFalse(claim.toString().contains("session-token-value"));
    assertFalse(signed(SESSION, NOW).toString().contains("session-token-value"));
    assertFalse(
        signer.sign(request(), SESSION, "us-east-1", "sts", NOW).toString().contains("session-token-value"));
  }

  private void assertTampered(UnaryOperator<SignableRequest> tamper) {
    SignableRequest tampered = tamper.apply(signed(SESSION, NOW));
    SignatureClaim claim = verifier.claim(tampered);
    assertFalse(verifier.matches(tampered, claim, SECRET), tampered.toString());
  }

  private static SignableRequest rebuild(SignableRequest r, String method, String path, String payloadSha256) {
    return new SignableRequest(
        method, path, r.queryParameters(), r.headers(), payloadSha256 == null ? r.payloadSha256() : payloadSha256);
  }

  private static void assertRefused(Reason reason, String messagePart, Executable executable) {
    InvalidSignatureException e = assertThrows(InvalidSignatureException.class, executable);
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }
}
