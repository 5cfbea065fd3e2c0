package dev.lanyard.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sdk.credentials.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The AWS SDK for Java v2's own SigV4 signer and Lanyard's sign the same requests identically, and
 * Lanyard's verifier accepts what the AWS signer signed: any SigV4 library can sign for Lanyard.
 */
class AwsSdkSignerComparisonTest {

  /** One request, given the way both signers take it. */
  record Case(
      String name,
      SdkHttpMethod method,
      String host,
      Integer port,
      String encodedPath,
      List<String[]> query,
      List<String[]> headers,
      byte[] payload,
      Credentials credentials,
      String region,
      String service,
      Instant time) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    byte[] binary = new byte[512];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    byte[] large = new byte[256 * 1024];
    new Random(7).nextBytes(large);
    Credentials session =
        Credentials.session(
            "ASIAQEXAMPLEEXAMPLE0",
            "k9R2oXq/8+Zt1vB4nM3pL6wE0sYcH7jU5fG2aD1Q",
            "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJyb2xlIn0.c2lnbmF0dXJl+/=",
            null);
    Credentials longTerm = Credentials.longTerm("AKIAQEXAMPLEEXAMPLE0", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    Instant time = Instant.parse("2026-02-17T08:09:10Z");
    return List.of(
        new Case("grpc AssumeRole, session credentials, binary payload", SdkHttpMethod.POST,
            "localhost", 7400, "/lanyard.sts.v1.SecurityTokenService/AssumeRole", List.of(), List.of(),
            binary, session, "us-east-1", "sts", time),
        new Case("grpc GetCallerIdentity, long-term key, empty payload", SdkHttpMethod.POST,
            "sts.example.internal", null, "/lanyard.sts.v1.SecurityTokenService/GetCallerIdentity",
            List.of(), List.of(), new byte[0], longTerm, "eu-west-1", "sts", time),
        new Case("query API with awkward parameters", SdkHttpMethod.GET, "iam.example.com", 8443, "/",
            List.of(q("Action", "ListUsers"), q("PathPrefix", "/division a/"), q("b", "2"), q("b", "1"),
                q("Marker", "x+y=z&w"), q("名前", "値"), q("Empty", "")),
            List.<String[]>of(h("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")),
            new byte[0], longTerm, "us-east-1", "iam", time),
        new Case("encoded path, dot segments, whitespace in headers", SdkHttpMethod.PUT, "example.com", null,
            "/a%20b/./c/../d%2Fe/~x", List.of(),
            List.of(h("X-Custom", "  several   spaces\there "), h("X-Repeated", "one"), h("x-repeated", " two "),
                h("Content-Type", "application/octet-stream")),
            "hello".getBytes(StandardCharsets.UTF_8), session, "ap-southeast-2", "sts", time),
        new Case("large random payload", SdkHttpMethod.POST, "127.0.0.1", 7400,
            "/lanyard.authz.v1.Authorizer/AuthorizeBatch", List.of(), List.of(), large, session,
            "us-east-1", "sts", time.plusSeconds(86_399)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void signsAsTheAwsSdkDoes(Case c) {
    SdkHttpRequest awsSigned = awsSign(c);
    String awsAuthorization = awsSigned.firstMatchingHeader("Authorization").orElseThrow();
    String expectedHost = c.port() == null ? c.host() : c.host() + ":" + c.port();
    assertEquals(expectedHost, awsSigned.firstMatchingHeader("Host").orElseThrow());

    SignableRequest.Builder ours = SignableRequest.builder(c.method().name(), c.encodedPath());
    c.query().forEach(q -> ours.queryParameter(q[0], q[1]));
    awsSigned.forEachHeader(
        (name, values) -> {
          if (!List.of("authorization", "x-amz-date", "x-amz-security-token").contains(name.toLowerCase())) {
            values.forEach(value -> ours.header(name, value));
          }
        });
    ours.payload(c.payload());
    SigV4Signature signature =
        new SigV4Signer().sign(ours.build(), c.credentials(), c.region(), c.service(), c.time());

    assertEquals(awsAuthorization, signature.authorization().format());
    assertEquals(awsSigned.firstMatchingHeader("X-Amz-Date").orElseThrow(), signature.amzDate());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifiesWhatTheAwsSdkSigned(Case c) {
    SdkHttpRequest awsSigned = awsSign(c);
    SignableRequest.Builder received = SignableRequest.builder(c.method().name(), c.encodedPath());
    c.query().forEach(q -> received.queryParameter(q[0], q[1]));
    awsSigned.forEachHeader((name, values) -> values.forEach(value -> received.header(name, value)));
    SignableRequest request = received.payload(c.payload()).build();

    SigV4Verifier verifier = new SigV4Verifier(Clock.fixed(c.time(), ZoneOffset.UTC), Duration.ofMinutes(5));
    SignatureClaim claim = verifier.claim(request);
    verifier.requireScope(claim, c.region(), c.service());
    verifier.requireFresh(claim);
    assertEquals(c.credentials().accessKeyId(), claim.accessKeyId());
    assertEquals(c.credentials().sessionToken(), claim.sessionToken());
    assertTrue(verifier.matches(request, claim, c.credentials().secretAccessKey()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void presignsAsTheAwsSdkDoes(Case c) {
    SdkHttpRequest awsPresigned = awsPresign(c, PRESIGNED_FOR);
    SignableRequest.Builder ours = SignableRequest.builder(c.method().name(), c.encodedPath());
    c.query().forEach(q -> ours.queryParameter(q[0], q[1]));
    awsPresigned.forEachHeader((name, values) -> values.forEach(value -> ours.header(name, value)));
    ours.payload(c.payload());
    SignableRequest presigned =
        new SigV4Signer().presign(ours.build(), c.credentials(), c.region(), c.service(), c.time(), PRESIGNED_FOR);

    assertEquals(awsPresigned.rawQueryParameters(), presigned.queryParameters());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifiesWhatTheAwsSdkPresigned(Case c) {
    SdkHttpRequest awsPresigned = awsPresign(c, PRESIGNED_FOR);
    SignableRequest.Builder received = SignableRequest.builder(c.method().name(), c.encodedPath());
    awsPresigned.rawQueryParameters().forEach((name, values) -> values.forEach(v -> received.queryParameter(name, v)));
    awsPresigned.forEachHeader((name, values) -> values.forEach(value -> received.header(name, value)));
    SignableRequest request = received.payload(c.payload()).build();

    Instant lastMoment = c.time().plus(PRESIGNED_FOR);
    SigV4Verifier verifier = new SigV4Verifier(Clock.fixed(lastMoment, ZoneOffset.UTC), Duration.ofMinutes(5));
    SignatureClaim claim = verifier.claim(request);
    assertTrue(claim.presigned());
    verifier.requireScope(claim, c.region(), c.service());
    verifier.requireFresh(claim);
    assertEquals(c.credentials().accessKeyId(), claim.accessKeyId());
    assertEquals(c.credentials().sessionToken(), claim.sessionToken());
    assertTrue(verifier.matches(request, claim, c.credentials().secretAccessKey()));
  }

  private static final Duration PRESIGNED_FOR = Duration.ofMinutes(15);

  private static SdkHttpRequest awsPresign(Case c, Duration expires) {
    return awsSign(c, r -> r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires));
  }

  private static SdkHttpRequest awsSign(Case c) {
    return awsSign(c, r -> r);
  }

  private static SdkHttpRequest awsSign(Case c,
      java.util.function.UnaryOperator<software.amazon.awssdk.http.auth.spi.signer.SignRequest.Builder<AwsCredentialsIdentity>> extra) {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(c.method())
            .protocol("https")
            .host(c.host())
            .port(c.port())
            .encodedPath(c.encodedPath());
    c.query().forEach(q -> request.appendRawQueryParameter(q[0], q[1]));
    c.headers().forEach(h -> request.appendHeader(h[0], h[1]));
    AwsCredentialsIdentity identity =
        c.credentials().isTemporary()
            ? AwsSessionCredentialsIdentity.create(
                c.credentials().accessKeyId(), c.credentials().secretAccessKey(), c.credentials().sessionToken())
            : AwsCredentialsIdentity.create(c.credentials().accessKeyId(), c.credentials().secretAccessKey());
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> extra.apply(r.identity(identity)
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArray(c.payload()))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, c.region())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, c.service())
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(c.time(), ZoneOffset.UTC))));
    return signed.request();
  }

  private static String[] q(String name, String value) {
    return new String[] {name, value};
  }

  private static String[] h(String name, String value) {
    return new String[] {name, value};
  }

}
