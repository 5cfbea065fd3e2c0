package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sdk.credentials.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The AWS SigV4 test suite and the IAM ListUsers example, byte for byte. */
class SigV4TestSuiteTest {
  private static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");
  private static final List<SigV4Vector> VECTORS = SigV4Vector.load("sigv4-test-suite.txt");

  private final SigV4Signer signer = new SigV4Signer();

  static List<SigV4Vector> vectors() {
    return VECTORS;
  }

  static List<SigV4Vector> withCanonicalRequest() {
    return VECTORS.stream().filter(v -> v.canonicalRequest() != null).toList();
  }

  static List<SigV4Vector> withStringToSign() {
    return VECTORS.stream().filter(v -> v.stringToSign() != null).toList();
  }

  static List<SigV4Vector> withSignature() {
    return VECTORS.stream().filter(v -> v.signature() != null).toList();
  }

  @Test
  void theSuiteIsAllThere() {
    assertEquals(30, VECTORS.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withCanonicalRequest")
  void canonicalRequest(SigV4Vector vector) {
    SigV4Signature signed = sign(vector);
    assertEquals(
        vector.canonicalRequest(),
        CanonicalRequest.of(signed.signedRequest(), signed.authorization().signedHeaders()).text());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withStringToSign")
  void stringToSign(SigV4Vector vector) {
    SigV4Signature signed = sign(vector);
    CanonicalRequest canonical =
        CanonicalRequest.of(signed.signedRequest(), signed.authorization().signedHeaders());
    assertEquals(
        vector.stringToSign(),
        SigV4Signer.stringToSign(signed.amzDate(), signed.authorization().scope(), canonical));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withSignature")
  void authorizationHeader(SigV4Vector vector) {
    SigV4Signature signed = sign(vector);
    assertEquals(vector.signature(), signed.authorization().signature());
    assertEquals(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/" + vector.service()
            + "/aws4_request, SignedHeaders=" + signed.authorization().signedHeadersString()
            + ", Signature=" + vector.signature(),
        signed.headers().get("authorization"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void theVerifierAcceptsWhatTheSignerSigned(SigV4Vector vector) {
    SigV4Signature signed = sign(vector);
    SigV4Verifier verifier =
        new SigV4Verifier(Clock.fixed(TIME, ZoneOffset.UTC), Duration.ofMinutes(5));
    SignatureClaim claim = verifier.claim(signed.signedRequest());
    verifier.requireScope(claim, "us-east-1", vector.service());
    verifier.requireFresh(claim);
    assertEquals(vector.sessionToken(), claim.sessionToken());
    assertTrue(verifier.matches(signed.signedRequest(), claim, SigV4Vector.SECRET));
  }

  private SigV4Signature sign(SigV4Vector vector) {
    Credentials credentials =
        vector.sessionToken() == null
            ? Credentials.longTerm(SigV4Vector.ACCESS_KEY_ID, SigV4Vector.SECRET)
            : Credentials.session(SigV4Vector.ACCESS_KEY_ID, SigV4Vector.SECRET, vector.sessionToken(), null);
    return signer.sign(vector.request(), credentials, "us-east-1", vector.service(), TIME);
  }
}
