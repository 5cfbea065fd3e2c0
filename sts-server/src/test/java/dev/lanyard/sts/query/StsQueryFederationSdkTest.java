package dev.lanyard.sts.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.lanyard.proto.iam.v1.CreateOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.CreateSAMLProviderRequest;
import dev.lanyard.sts.federation.oidc.OidcTestIssuer;
import dev.lanyard.sts.federation.saml.SamlTestIdp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;

/**
 * The unsigned federation actions through the AWS SDK's {@code StsClient} against a real node: a
 * test OpenID Connect provider (HTTPS, its own CA) and a test SAML IdP registered through the IAM
 * API, their tokens and assertions exchanged for credentials, and the SDK's typed exceptions for
 * invalid and expired tokens.
 */
class StsQueryFederationSdkTest {
  @TempDir
  static Path dir;
  static QueryTestNode node;
  static OidcTestIssuer oidc;

  @BeforeAll
  static void start() throws Exception {
    oidc = new OidcTestIssuer();
    // The node fetches provider keys with the JVM's trust store (as -Djavax.net.ssl.trustStore
    // configures in production); here the default TLS context trusts the test CA while the node starts.
    SSLContext before = SSLContext.getDefault();
    SSLContext.setDefault(oidc.clientTls());
    try {
      node = new QueryTestNode(dir);
    } finally {
      SSLContext.setDefault(before);
    }
  }

  @AfterAll
  static void stop() {
    node.close();
    oidc.close();
  }

  private static StsClient sts() {
    return node.sts(node.root);
  }

  private static AwsSessionCredentials session(Credentials c) {
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  private static String webRole(String name) {
    String providerArn = node.iam().createOpenIDConnectProvider(CreateOpenIDConnectProviderRequest.newBuilder()
        .setUrl(oidc.url()).addClientIdList(OidcTestIssuer.CLIENT_ID).build()).getOpenIdConnectProviderArn();
    return node.role(name, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{"
        + "\"Federated\":\"" + providerArn + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}", null);
  }

  @Test
  void aWebIdentityTokenBecomesCredentialsAndBadTokensAreTheSdksTypedExceptions() throws Exception {
    String roleArn = webRole("WebApp");
    String token = oidc.sign(oidc.claims(node.clock.instant()).build());
    AssumeRoleWithWebIdentityResponse r = sts().assumeRoleWithWebIdentity(b -> b.roleArn(roleArn)
        .roleSessionName("web-1").webIdentityToken(token).durationSeconds(900));
    String host = URI.create(oidc.url()).getAuthority();
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/WebApp/web-1", r.assumedRoleUser().arn());
    assertEquals("repo:lanyard/app:ref:refs/heads/main", r.subjectFromWebIdentityToken());
    assertEquals(OidcTestIssuer.CLIENT_ID, r.audience());
    assertEquals(host, r.provider());
    assertEquals(node.clock.instant().plusSeconds(900).truncatedTo(ChronoUnit.SECONDS), r.credentials().expiration());
    assertEquals(r.assumedRoleUser().arn(), node.sts(session(r.credentials())).getCallerIdentity().arn());

    JWTClaimsSet claims = oidc.claims(node.clock.instant().minus(Duration.ofHours(2))).build();
    String expired = oidc.sign(claims);
    ExpiredTokenException e = assertThrows(ExpiredTokenException.class, () -> sts().assumeRoleWithWebIdentity(
        b -> b.roleArn(roleArn).roleSessionName("web-2").webIdentityToken(expired)));
    assertEquals(400, e.statusCode());
    assertEquals("ExpiredTokenException", e.awsErrorDetails().errorCode());

    String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.";
    InvalidIdentityTokenException invalid = assertThrows(InvalidIdentityTokenException.class,
        () -> sts().assumeRoleWithWebIdentity(b -> b.roleArn(roleArn).roleSessionName("web-3")
            .webIdentityToken(unsigned)));
    assertFalse(invalid.getMessage().contains(unsigned), "the token is never echoed");
  }

  @Test
  void aSamlAssertionBecomesCredentialsOnceAndExpires() {
    SamlTestIdp idp = SamlTestIdp.rsa("https://idp.example.test/saml");
    String providerArn = node.iam().createSAMLProvider(CreateSAMLProviderRequest.newBuilder().setName("Corp")
        .setSamlMetadataDocument(idp.metadata()).build()).getSamlProviderArn();
    String roleArn = node.role("SamlUser", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Federated\":\"" + providerArn + "\"},\"Action\":\"sts:AssumeRoleWithSAML\","
        + "\"Condition\":{\"StringEquals\":{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}}]}", null);
    String recipient = "https://signin.aws.amazon.com/saml";
    String assertion = idp.signedResponse(node.clock.instant(), roleArn, providerArn, recipient, recipient, Map.of());

    AssumeRoleWithSamlResponse r = sts().assumeRoleWithSAML(b -> b.roleArn(roleArn).principalArn(providerArn)
        .samlAssertion(assertion).durationSeconds(900));
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/SamlUser/alice@example.com",
        r.assumedRoleUser().arn());
    assertEquals("alice@example.com", r.subject());
    assertEquals("persistent", r.subjectType());
    assertEquals(idp.entityId(), r.issuer());
    assertEquals(recipient, r.audience());
    assertFalse(r.nameQualifier().isEmpty());
    assertTrue(r.credentials().accessKeyId().startsWith("ASIA"));
    assertEquals(r.assumedRoleUser().arn(), node.sts(session(r.credentials())).getCallerIdentity().arn());

    InvalidIdentityTokenException replayed = assertThrows(InvalidIdentityTokenException.class,
        () -> sts().assumeRoleWithSAML(b -> b.roleArn(roleArn).principalArn(providerArn).samlAssertion(assertion)));
    assertEquals(400, replayed.statusCode());

    String later = idp.signedResponse(node.clock.instant(), roleArn, providerArn, recipient, recipient, Map.of());
    node.clock.advance(Duration.ofMinutes(10));
    assertThrows(ExpiredTokenException.class,
        () -> sts().assumeRoleWithSAML(b -> b.roleArn(roleArn).principalArn(providerArn).samlAssertion(later)));
  }
}
