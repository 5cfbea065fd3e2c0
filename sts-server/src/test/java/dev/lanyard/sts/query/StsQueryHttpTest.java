package dev.lanyard.sts.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The Query protocol over raw HTTP: GET query strings signed with the AWS SDK's own SigV4 signer,
 * and what the door refuses before any operation runs (no Action, another Version, an unknown
 * action, a body too large, another method, presigned URLs, repeated parameters), each as AWS's
 * {@code <ErrorResponse>} with the request id also in {@code x-amzn-RequestId}.
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
    assertTrue(presigned.contains("presigned"), presigned);

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
