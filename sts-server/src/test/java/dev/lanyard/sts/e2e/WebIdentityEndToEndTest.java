package dev.lanyard.sts.e2e;

import static dev.lanyard.sts.e2e.AwsErrors.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.lanyard.proto.iam.v1.CreateOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.DeleteOpenIDConnectProviderRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityResponse;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityResponse;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sts.federation.oidc.OidcTestIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AssumeRoleWithWebIdentity against a real node over a real socket, with a real OpenID Connect
 * provider on loopback HTTPS. The node fetches the provider's keys with the JVM's default TLS
 * context, as in production; the test makes that default trust the provider's test CA while the
 * node starts (the node's HTTP client keeps the context it was built with).
 */
class WebIdentityEndToEndTest {
  private static final String SUBJECT = "repo:lanyard/app:ref:refs/heads/main";

  @TempDir Path dataDir;
  private OidcTestIssuer issuer;
  private RunningServer node;
  private String providerArn;
  private String roleArn;
  private String prefix;

  @BeforeEach
  void start() throws Exception {
    issuer = new OidcTestIssuer();
    SSLContext jvmDefault = SSLContext.getDefault();
    SSLContext.setDefault(issuer.clientTls());
    try {
      node = RunningServer.start(dataDir);
    } finally {
      SSLContext.setDefault(jvmDefault);
    }
    providerArn = node.iam(node.root).createOpenIDConnectProvider(CreateOpenIDConnectProviderRequest.newBuilder()
        .setUrl(issuer.url()).addClientIdList(OidcTestIssuer.CLIENT_ID).build()).getOpenIdConnectProviderArn();
    prefix = issuer.url().substring("https://".length());
    roleArn = createRole("ci-deploy", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
        "Action":"sts:AssumeRoleWithWebIdentity",
        "Condition":{"StringEquals":{"%s:aud":"%s"},"StringLike":{"%s:sub":"repo:lanyard/app:ref:refs/heads/*"}}}]}
        """.formatted(providerArn, prefix, OidcTestIssuer.CLIENT_ID, prefix));
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    issuer.close();
  }

  private String createRole(String name, String trust) {
    return node.iam(node.root).createRole(CreateRoleRequest.newBuilder().setRoleName(name)
        .setAssumeRolePolicyDocument(trust).build()).getRole().getArn();
  }

  private AssumeRoleWithWebIdentityResponse exchange(String role, String token) {
    return node.stsVia().assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest.newBuilder()
        .setRoleArn(role).setRoleSessionName("deploy-1").setWebIdentityToken(token).build());
  }

  private String token(JWTClaimsSet.Builder claims) throws Exception {
    return issuer.sign(claims.build());
  }

  @Test
  void aTokenBecomesCredentialsThatWork() throws Exception {
    String token = token(issuer.claims(Instant.now()));
    AssumeRoleWithWebIdentityResponse r = exchange(roleArn, token);

    assertEquals(SUBJECT, r.getSubjectFromWebIdentityToken());
    assertEquals(OidcTestIssuer.CLIENT_ID, r.getAudience());
    assertEquals(prefix, r.getProvider());
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/ci-deploy/deploy-1", r.getAssumedRoleUser().getArn());
    assertTrue(r.getAssumedRoleUser().getAssumedRoleId().matches("AROA[A-Z0-9]+:deploy-1"));
    assertFalse(r.hasPackedPolicySize());
    long lifetime = r.getCredentials().getExpiration().getSeconds() - Instant.now().getEpochSecond();
    assertTrue(lifetime > 3500 && lifetime <= 3600, "default duration is one hour, got " + lifetime);

    Credentials session = Credentials.session(r.getCredentials().getAccessKeyId(),
        r.getCredentials().getSecretAccessKey(), r.getCredentials().getSessionToken(),
        Instant.ofEpochSecond(r.getCredentials().getExpiration().getSeconds()));
    GetCallerIdentityResponse me = node.sts(session).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance());
    assertEquals(r.getAssumedRoleUser().getArn(), me.getArn());
    assertEquals(node.accountId, me.getAccount());

    String audit = Files.readString(dataDir.resolve("audit.log"));
    assertTrue(audit.contains("AssumeRoleWithWebIdentity"), "the call is audited");
    assertFalse(audit.contains(token), "the audit log never holds the token");
    assertFalse(audit.contains(token.substring(token.lastIndexOf('.') + 1)), "nor its signature");
  }

  @Test
  void aTokenForAnotherAudienceIsRejectedAsAClaim() throws Exception {
    String token = token(issuer.claims(Instant.now()).audience("someone-else"));
    assertAwsError("IDPRejectedClaim", () -> exchange(roleArn, token));
  }

  @Test
  void anExpiredTokenIsExpired() throws Exception {
    Instant longAgo = Instant.now().minusSeconds(3600);
    String token = token(issuer.claims(longAgo));
    AwsErrors.Refusal refusal = assertAwsError("ExpiredTokenException", () -> exchange(roleArn, token));
    assertFalse(refusal.message().contains(token), "the error never echoes the token");
  }

  @Test
  void theTrustPolicyConditionsDecide() throws Exception {
    String otherBranch = token(issuer.claims(Instant.now()).subject("repo:lanyard/other:ref:refs/heads/main"));
    assertAwsError("AccessDenied", () -> exchange(roleArn, otherBranch));
    String good = token(issuer.claims(Instant.now()));
    assertAwsError("AccessDenied", () -> exchange("arn:aws:iam::" + node.accountId + ":role/no-such-role", good));
    String tagged = token(issuer.claims(Instant.now()).claim("https://aws.amazon.com/tags",
        java.util.Map.of("principal_tags", java.util.Map.of("team", List.of("platform")))));
    assertAwsError("AccessDenied", () -> exchange(roleArn, tagged));
  }

  @Test
  void theCallersAddressReachesTheTrustPolicyAndTheAudit() throws Exception {
    String trust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
        "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"%s":{"aws:SourceIp":"127.0.0.0/8"}}}]}""";
    String fromLoopback = createRole("from-loopback", trust.formatted(providerArn, "IpAddress"));
    String fromElsewhere = createRole("from-elsewhere", trust.formatted(providerArn, "NotIpAddress"));

    exchange(fromLoopback, token(issuer.claims(Instant.now())));
    assertAwsError("AccessDenied", () -> exchange(fromElsewhere, token(issuer.claims(Instant.now()))));

    List<String> calls = Files.readAllLines(dataDir.resolve("audit.log")).stream()
        .filter(line -> line.contains("\"AssumeRoleWithWebIdentity\"")).toList();
    assertEquals(2, calls.size(), "both calls are audited");
    for (String call : calls) {
      assertEquals("127.0.0.1", new ObjectMapper().readTree(call).get("sourceAddress").asText(), call);
    }
  }

  @Test
  void sessionTagsNeedTagSessionAndTravelInTheSession() throws Exception {
    String tagging = createRole("tagging", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
        "Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],
        "Condition":{"StringEquals":{"aws:RequestTag/team":"platform"}}}]}""".formatted(providerArn));
    String token = token(issuer.claims(Instant.now()).claim("https://aws.amazon.com/tags",
        java.util.Map.of("principal_tags", java.util.Map.of("team", List.of("platform")))));
    AssumeRoleWithWebIdentityResponse r = exchange(tagging, token);
    assertTrue(r.hasPackedPolicySize(), "tags are packed and measured");
    String other = token(issuer.claims(Instant.now()).claim("https://aws.amazon.com/tags",
        java.util.Map.of("principal_tags", java.util.Map.of("team", List.of("sales")))));
    assertAwsError("AccessDenied", () -> exchange(tagging, other));
  }

  @Test
  void aDeletedProviderNoLongerVouches() throws Exception {
    String token = token(issuer.claims(Instant.now()));
    exchange(roleArn, token);
    node.iam(node.root).deleteOpenIDConnectProvider(DeleteOpenIDConnectProviderRequest.newBuilder()
        .setOpenIdConnectProviderArn(providerArn).build());
    String next = token(issuer.claims(Instant.now()));
    assertAwsError("InvalidIdentityToken", () -> exchange(roleArn, next));
  }

  @Test
  void keyRotationAtTheProviderRefusesNoValidToken() throws Exception {
    exchange(roleArn, token(issuer.claims(Instant.now())));
    RSAKey old = issuer.rotate();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      JWTClaimsSet claims = issuer.claims(Instant.now()).jwtID("t" + i).build();
      tokens.add(i % 2 == 0 ? OidcTestIssuer.signWith(old, claims) : issuer.sign(claims));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AssumeRoleWithWebIdentityResponse>> calls = new ArrayList<>();
      for (String t : tokens) {
        calls.add(pool.submit(() -> exchange(roleArn, t)));
      }
      for (Future<AssumeRoleWithWebIdentityResponse> call : calls) {
        assertEquals(SUBJECT, call.get().getSubjectFromWebIdentityToken());
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(issuer.jwksFetches() <= 3, "an unknown kid refetches once, not per token: " + issuer.jwksFetches());
  }

  @Test
  void anUnreachableProviderWithoutKeysIsACommunicationError() throws Exception {
    String token = token(issuer.claims(Instant.now()).issueTime(Date.from(Instant.now())));
    issuer.down();
    assertAwsError("IDPCommunicationError", () -> exchange(roleArn, token));
  }
}
