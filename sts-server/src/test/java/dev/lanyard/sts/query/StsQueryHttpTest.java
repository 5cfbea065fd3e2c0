package dev.lanyard.sts.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.Canonicalization;
import dev.lanyard.sdk.signing.SigV4Signer;
import dev.lanyard.sdk.signing.SignableRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The Query protocol over raw HTTP: GET query strings signed with the AWS SDK's own SigV4 signer,
 * in headers or presigned in the query string, and what the door refuses before any operation runs
 * (no Action, another Version, an unknown action, a body too large, another method, incomplete
 * presigned URLs, repeated parameters), each as AWS's {@code <ErrorResponse>} with the request id
 * also in {@code x-amzn-RequestId}.
 */
class StsQueryHttpTest {
  @TempDir
  static Path dir;
  static QueryTestNode node;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    node = new QueryTestNode(dir);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static HttpResponse<String> post(String form) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(node.endpoint())
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String query) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(node.endpoint() + "/?" + query)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET with {@code query}, signed by the AWS SDK's signer as the root with the node's clock for {@code region}. */
  private static HttpResponse<String> signedGet(String query, String region) throws Exception {
    return signed(SdkHttpMethod.GET, URI.create(node.endpoint() + "/?" + query), "", region,
        AwsCredentialsIdentity.create(node.root.accessKeyId(), node.root.secretAccessKey()));
  }

  /** A request signed by the AWS SDK's own SigV4 signer with the node's clock; the body is a form. */
  private static HttpResponse<String> signed(SdkHttpMethod method, URI uri, String form, String region,
      AwsCredentialsIdentity who) throws Exception {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(method).uri(uri);
    if (method == SdkHttpMethod.POST) {
      request.putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    }
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(who)
        .request(request.build())
        .payload(method == SdkHttpMethod.POST ? ContentStreamProvider.fromByteArray(body) : null)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(HttpSigner.SIGNING_CLOCK, node.clock));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method.name(), method == SdkHttpMethod.POST
        ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
    signed.request().headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
        values.forEach(v -> b.header(name, v));
      }
    });
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Document xml(HttpResponse<String> response) throws Exception {
    assertEquals("text/xml", response.headers().firstValue("Content-Type").orElse(""));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> childNames(Element e) {
    List<String> names = new java.util.ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        names.add(c.getLocalName());
      }
    }
    return names;
  }

  private static Element child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getLocalName().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + e.getLocalName() + ">");
  }

  /** Asserts an AWS error document and returns its message. */
  private static String assertError(HttpResponse<String> response, int status, String type, String code)
      throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    Element root = xml(response).getDocumentElement();
    assertEquals("ErrorResponse", root.getLocalName());
    assertEquals(QueryXml.NAMESPACE, root.getNamespaceURI());
    assertEquals(List.of("Error", "RequestId"), childNames(root));
    Element error = child(root, "Error");
    assertEquals(List.of("Type", "Code", "Message"), childNames(error));
    assertEquals(type, child(error, "Type").getTextContent());
    assertEquals(code, child(error, "Code").getTextContent());
    String requestId = child(root, "RequestId").getTextContent();
    assertTrue(requestId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), requestId);
    assertEquals(requestId, response.headers().firstValue("x-amzn-RequestId").orElse(""));
    return child(error, "Message").getTextContent();
  }

  @Test
  void aSignedGetQueryStringAnswersInAwsXmlAndIsAuditedAsHttp() throws Exception {
    HttpResponse<String> response = signedGet("Action=GetCallerIdentity&Version=2011-06-15", "us-east-1");
    assertEquals(200, response.statusCode(), response.body());
    Element root = xml(response).getDocumentElement();
    assertEquals("GetCallerIdentityResponse", root.getLocalName());
    assertEquals(QueryXml.NAMESPACE, root.getNamespaceURI());
    assertEquals(List.of("GetCallerIdentityResult", "ResponseMetadata"), childNames(root));
    Element result = child(root, "GetCallerIdentityResult");
    assertEquals(List.of("UserId", "Account", "Arn"), childNames(result));
    assertEquals("arn:aws:iam::" + node.accountId + ":root", child(result, "Arn").getTextContent());
    assertEquals(node.accountId, child(result, "Account").getTextContent());
    String requestId = child(child(root, "ResponseMetadata"), "RequestId").getTextContent();
    assertEquals(requestId, response.headers().firstValue("x-amzn-RequestId").orElse(""));

    List<String> audit = Files.readAllLines(dir.resolve("audit.log"));
    assertTrue(audit.stream().anyMatch(line -> line.contains(requestId) && line.contains("\"door\":\"http\"")
        && line.contains("\"action\":\"GetCallerIdentity\"")), "one audit record for the call, door http");
    assertFalse(String.join("\n", audit).contains(node.root.secretAccessKey()), "no secret in the audit log");
  }

  @Test
  void aSignedFormPostAnswersCredentialsInAwsElementOrder() throws Exception {
    var user = node.user("raw-user", null);
    HttpResponse<String> response = signed(SdkHttpMethod.POST, node.endpoint(),
        "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=900", "us-east-1",
        AwsCredentialsIdentity.create(user.accessKeyId(), user.secretAccessKey()));
    assertEquals(200, response.statusCode(), response.body());
    Element root = xml(response).getDocumentElement();
    assertEquals("GetSessionTokenResponse", root.getLocalName());
    Element credentials = child(child(root, "GetSessionTokenResult"), "Credentials");
    assertEquals(List.of("AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"), childNames(credentials));
    assertEquals(QueryResults.timestamp(node.clock.instant().plusSeconds(900)),
        child(credentials, "Expiration").getTextContent());
    assertTrue(child(credentials, "Expiration").getTextContent().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

    HttpResponse<String> changed = signed(SdkHttpMethod.POST, node.endpoint(),
        "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=900", "us-east-1",
        AwsCredentialsIdentity.create(user.accessKeyId(), user.secretAccessKey().substring(1) + "x"));
    assertError(changed, 403, "Sender", "SignatureDoesNotMatch");
  }

  /**
   * A GET presigned by the AWS SDK's signer (signature in the query string, as EKS-style identity
   * tokens and other proofs of AWS identity carry it), valid for {@code expires} from the signing
   * clock's time; sent with {@code headers} and nothing else.
   */
  private static HttpResponse<String> presignedGet(String query, AwsCredentialsIdentity who, Clock signedAt,
      Duration expires, Map<String, String> headers, UnaryOperator<URI> change)
      throws Exception {
    SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
        .uri(URI.create(node.endpoint() + "/?" + query));
    headers.forEach(request::putHeader);
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(who)
        .request(request.build())
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires)
        .putProperty(HttpSigner.SIGNING_CLOCK, signedAt));
    assertFalse(signed.request().firstMatchingHeader("Authorization").isPresent(), "presigned: no Authorization");
    HttpRequest.Builder b = HttpRequest.newBuilder(change.apply(signed.request().getUri())).GET();
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPresignedGetCallerIdentityNamesItsSigner() throws Exception {
    AwsCredentialsIdentity root = AwsCredentialsIdentity.create(node.root.accessKeyId(), node.root.secretAccessKey());
    HttpResponse<String> response = presignedGet("Action=GetCallerIdentity&Version=2011-06-15", root, node.clock,
        Duration.ofSeconds(60), Map.of(), uri -> uri);
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("arn:aws:iam::" + node.accountId + ":root",
        child(child(xml(response).getDocumentElement(), "GetCallerIdentityResult"), "Arn").getTextContent());

    SignableRequest lanyardPresigned = new SigV4Signer().presign(
        SignableRequest.builder("GET", "/").queryParameter("Action", "GetCallerIdentity")
            .queryParameter("Version", "2011-06-15").header("host", node.endpoint().getAuthority()).build(),
        Credentials.longTerm(node.root.accessKeyId(), node.root.secretAccessKey()), "us-east-1", "sts",
        node.clock.instant(), Duration.ofMinutes(5));
    HttpResponse<String> byLanyardSdk = HTTP.send(HttpRequest.newBuilder(URI.create(node.endpoint() + "/?"
        + Canonicalization.canonicalQueryString(lanyardPresigned.queryParameters()))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, byLanyardSdk.statusCode(), "presigned by Lanyard's SDK: " + byLanyardSdk.body());

    var user = node.user("presigning-user", null);
    HttpResponse<String> session = signed(SdkHttpMethod.POST, node.endpoint(),
        "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=900", "us-east-1",
        AwsCredentialsIdentity.create(user.accessKeyId(), user.secretAccessKey()));
    Element credentials = child(child(xml(session).getDocumentElement(), "GetSessionTokenResult"), "Credentials");
    String token = child(credentials, "SessionToken").getTextContent();
    AwsCredentialsIdentity temporary = AwsSessionCredentialsIdentity.create(
        child(credentials, "AccessKeyId").getTextContent(), child(credentials, "SecretAccessKey").getTextContent(), token);
    HttpResponse<String> bySession = presignedGet("Action=GetCallerIdentity&Version=2011-06-15", temporary,
        node.clock, Duration.ofSeconds(60), Map.of("x-k8s-aws-id", "cluster-a"), uri -> uri);
    assertEquals(200, bySession.statusCode(), bySession.body());
    assertEquals("arn:aws:iam::" + node.accountId + ":user/presigning-user",
        child(child(xml(bySession).getDocumentElement(), "GetCallerIdentityResult"), "Arn").getTextContent());
    assertFalse(Files.readString(dir.resolve("audit.log")).contains(token), "the token in the URL is not audited");
  }

  @Test
  void aPresignedUrlCannotBeChangedReusedForAnotherHeaderOrUsedAfterItExpires() throws Exception {
    AwsCredentialsIdentity root = AwsCredentialsIdentity.create(node.root.accessKeyId(), node.root.secretAccessKey());
    String query = "Action=GetCallerIdentity&Version=2011-06-15";
    Duration minute = Duration.ofSeconds(60);
    assertError(presignedGet(query, root, node.clock, minute, Map.of(),
        uri -> URI.create(uri.toString().replace("Action=GetCallerIdentity", "Action=GetSessionToken"))),
        403, "Sender", "SignatureDoesNotMatch");
    assertError(presignedGet(query, root, node.clock, minute, Map.of(),
        uri -> URI.create(uri.toString().replace("X-Amz-Expires=60", "X-Amz-Expires=604800"))),
        403, "Sender", "SignatureDoesNotMatch");
    assertError(presignedGet(query, root, node.clock, minute, Map.of(),
        uri -> URI.create(uri + "&DurationSeconds=900")), 403, "Sender", "SignatureDoesNotMatch");

    SdkHttpRequest forClusterA = presignedRequest(query, root, Map.of("x-k8s-aws-id", "cluster-a"), minute);
    HttpResponse<String> withoutSignedHeader = HTTP.send(HttpRequest.newBuilder(forClusterA.getUri()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String unsent = assertError(withoutSignedHeader, 403, "Sender", "SignatureDoesNotMatch");
    assertTrue(unsent.contains("x-k8s-aws-id"), unsent);
    assertError(HTTP.send(HttpRequest.newBuilder(forClusterA.getUri()).header("x-k8s-aws-id", "cluster-b").GET()
        .build(), HttpResponse.BodyHandlers.ofString()), 403, "Sender", "SignatureDoesNotMatch");

    Clock tenMinutesAgo = Clock.fixed(node.clock.instant().minusSeconds(600), ZoneOffset.UTC);
    String expired = assertError(presignedGet(query, root, tenMinutesAgo, minute, Map.of(), uri -> uri),
        400, "Sender", "RequestExpired");
    assertTrue(expired.contains("valid for 60 seconds"), expired);
    HttpResponse<String> stillValid = presignedGet(query, root, tenMinutesAgo, Duration.ofMinutes(15),
        Map.of(), uri -> uri);
    assertEquals(200, stillValid.statusCode(), "a URL is good for its whole X-Amz-Expires: " + stillValid.body());
  }

  @Test
  void aQuerySignedGetWithoutExpiryIsHeldToTheClockSkew() throws Exception {
    AwsCredentialsIdentity root = AwsCredentialsIdentity.create(node.root.accessKeyId(), node.root.secretAccessKey());
    SdkHttpRequest signed = presignedRequest("Action=GetCallerIdentity&Version=2011-06-15", root, Map.of(), null);
    assertFalse(signed.getUri().getRawQuery().contains("X-Amz-Expires"), signed.getUri().getRawQuery());
    HttpRequest.Builder b = HttpRequest.newBuilder(signed.getUri()).GET();
    signed.forEachHeader((name, values) -> {
      if (!name.equalsIgnoreCase("Host")) {
        values.forEach(v -> b.header(name, v));
      }
    });
    HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
  }

  /** A GET the AWS SDK signs in the query string for {@code headers}, with {@code expires} or none. */
  private static SdkHttpRequest presignedRequest(String query, AwsCredentialsIdentity who, Map<String, String> headers,
      Duration expires) {
    SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
        .uri(URI.create(node.endpoint() + "/?" + query));
    headers.forEach(request::putHeader);
    return AwsV4HttpSigner.create().sign(r -> {
      r.identity(who).request(request.build())
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
          .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
          .putProperty(HttpSigner.SIGNING_CLOCK, node.clock);
      if (expires != null) {
        r.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires);
      }
    }).request();
  }

  @Test
  void aGetSignedForAnotherRegionIsSignatureDoesNotMatch() throws Exception {
    String message = assertError(signedGet("Action=GetCallerIdentity&Version=2011-06-15", "ap-south-1"),
        403, "Sender", "SignatureDoesNotMatch");
    assertTrue(message.contains("ap-south-1") && message.contains("us-east-1"), message);
  }

  @Test
  void anUnsignedCallOfASignedActionIsMissingAuthenticationToken() throws Exception {
    assertError(get("Action=GetCallerIdentity&Version=2011-06-15"), 403, "Sender", "MissingAuthenticationToken");
  }

  @Test
  void aRequestWithoutActionIsMissingAction() throws Exception {
    String message = assertError(post("Version=2011-06-15"), 400, "Sender", "MissingAction");
    assertTrue(message.contains("Action"), message);
    assertError(get(""), 400, "Sender", "MissingAction");
  }

  @Test
  void anotherVersionOrNoVersionIsRefused() throws Exception {
    String message = assertError(post("Action=GetCallerIdentity&Version=2010-05-08"), 400, "Sender", "InvalidAction");
    assertTrue(message.contains("Could not find operation GetCallerIdentity for version 2010-05-08"), message);
    assertError(post("Action=GetCallerIdentity"), 400, "Sender", "MissingParameter");
  }

  @Test
  void anUnknownActionIsInvalidActionAndItsNameIsEscaped() throws Exception {
    String message = assertError(post("Action=ListBuckets&Version=2011-06-15"), 400, "Sender", "InvalidAction");
    assertTrue(message.contains("Could not find operation ListBuckets for version 2011-06-15"), message);
    String escaped = assertError(post("Action=%3CBad%3E%26%22x%22%01&Version=2011-06-15"), 400, "Sender",
        "InvalidAction");
    assertTrue(escaped.contains("<Bad>&\"x\"?"), escaped);
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    String big = "Action=GetCallerIdentity&Version=2011-06-15&Padding=" + "a".repeat(StsQueryHandler.MAX_BODY_BYTES);
    String message = assertError(post(big), 413, "Sender", "ValidationError");
    assertTrue(message.contains(Integer.toString(StsQueryHandler.MAX_BODY_BYTES)), message);
  }

  @Test
  void otherMethodsPresignedUrlsAndRepeatedParametersAreRefusedClearly() throws Exception {
    HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(node.endpoint())
        .PUT(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertError(put, 405, "Sender", "InvalidHttpRequest");
    assertEquals("GET, POST", put.headers().firstValue("Allow").orElse(""));

    String presigned = assertError(get("Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=AKIAEXAMPLE%2F20260101%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Signature=abc"),
        400, "Sender", "IncompleteSignature");
    assertTrue(presigned.contains("X-Amz-Date"), "an incomplete presigned URL names what it lacks: " + presigned);

    String twice = assertError(post("Action=GetCallerIdentity&Version=2011-06-15&Version=2011-06-15"), 400,
        "Sender", "InvalidParameterValue");
    assertTrue(twice.contains("Version"), twice);

    assertError(HTTP.send(HttpRequest.newBuilder(node.endpoint()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"Action\":\"GetCallerIdentity\"}")).build(),
        HttpResponse.BodyHandlers.ofString()), 415, "Sender", "InvalidParameterValue");
  }

  @Test
  void theFederationActionsNeedNoSignatureAndNeverEchoTheToken() throws Exception {
    String message = assertError(post("Action=AssumeRoleWithWebIdentity&Version=2011-06-15"
        + "&RoleArn=arn%3Aaws%3Aiam%3A%3A" + node.accountId + "%3Arole%2FWeb&RoleSessionName=web"
        + "&WebIdentityToken=not-a-jwt-secret-value"), 400, "Sender", "InvalidIdentityToken");
    assertFalse(message.contains("not-a-jwt-secret-value"), message);
  }
}
