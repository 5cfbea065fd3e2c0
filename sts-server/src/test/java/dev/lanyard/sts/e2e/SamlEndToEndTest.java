package dev.lanyard.sts.e2e;

import static dev.lanyard.sts.e2e.AwsErrors.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.CreateSAMLProviderRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLResponse;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.federation.saml.SamlTestIdp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AssumeRoleWithSAML against real nodes over real sockets: the test IdP's metadata registered with
 * CreateSAMLProvider, a signed assertion exchanged for credentials that work, and each assertion
 * accepted once, by one node or by any node sharing its store.
 */
class SamlEndToEndTest {
  private static final SamlTestIdp IDP = SamlTestIdp.rsa("https://idp.example.test/saml");
  private static final String PG_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  @TempDir Path dataDir;

  /** The provider and role of one node's account; the role trusts the provider for assertions to the node. */
  private record Federation(String providerArn, String roleArn, String recipient) {}

  private static Federation register(RunningServer node) {
    String providerArn = node.iam(node.root).createSAMLProvider(CreateSAMLProviderRequest.newBuilder()
        .setName("CorpIdP").setSamlMetadataDocument(IDP.metadata()).build()).getSamlProviderArn();
    String recipient = node.server().config().issuer().replaceAll("/$", "") + "/saml";
    String roleArn = node.iam(node.root).createRole(CreateRoleRequest.newBuilder().setRoleName("saml-admins")
        .setAssumeRolePolicyDocument("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
            "Action":["sts:AssumeRoleWithSAML","sts:TagSession"],
            "Condition":{"StringEquals":{"saml:aud":"%s","saml:sub_type":"persistent"}}}]}
            """.formatted(providerArn, recipient)).build()).getRole().getArn();
    return new Federation(providerArn, roleArn, recipient);
  }

  private static String assertion(Federation f, Map<String, List<String>> extra) {
    return IDP.signedResponse(Instant.now(), f.roleArn(), f.providerArn(), f.recipient(), "urn:amazon:webservices",
        extra);
  }

  private static AssumeRoleWithSAMLResponse exchange(RunningServer node, Federation f, String assertion) {
    return node.stsVia().assumeRoleWithSAML(AssumeRoleWithSAMLRequest.newBuilder().setRoleArn(f.roleArn())
        .setPrincipalArn(f.providerArn()).setSamlAssertion(assertion).build());
  }

  @Test
  void aSignedAssertionBecomesCredentialsOnceOnly() throws Exception {
    try (RunningServer node = RunningServer.start(dataDir)) {
      Federation f = register(node);
      String assertion = assertion(f, Map.of(SamlTestIdp.awsAttribute("PrincipalTag:team"), List.of("platform")));

      AssumeRoleWithSAMLResponse r = exchange(node, f, assertion);
      assertEquals("alice@example.com", r.getSubject());
      assertEquals("persistent", r.getSubjectType());
      assertEquals(IDP.entityId(), r.getIssuer());
      assertEquals(f.recipient(), r.getAudience());
      assertFalse(r.getNameQualifier().isEmpty());
      assertTrue(r.hasPackedPolicySize(), "the assertion's session tags are packed");
      assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/saml-admins/alice@example.com",
          r.getAssumedRoleUser().getArn());

      Credentials session = Credentials.session(r.getCredentials().getAccessKeyId(),
          r.getCredentials().getSecretAccessKey(), r.getCredentials().getSessionToken(),
          Instant.ofEpochSecond(r.getCredentials().getExpiration().getSeconds()));
      assertEquals(r.getAssumedRoleUser().getArn(),
          node.sts(session).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance()).getArn());

      assertAwsError("InvalidIdentityToken", () -> exchange(node, f, assertion));
      assertFalse(Files.readString(dataDir.resolve("audit.log")).contains(assertion.substring(0, 200)),
          "the audit log never holds the assertion");
    }
  }

  @Test
  void theTrustPolicyAndTheRoleDecide() throws Exception {
    try (RunningServer node = RunningServer.start(dataDir)) {
      Federation f = register(node);
      Federation elsewhere = new Federation(f.providerArn(), f.roleArn(), "https://signin.aws.amazon.com/saml");
      assertAwsError("AccessDenied", () -> exchange(node, elsewhere, assertion(elsewhere, Map.of())));
      Federation noRole = new Federation(f.providerArn(), "arn:aws:iam::" + node.accountId + ":role/none",
          f.recipient());
      assertAwsError("AccessDenied", () -> exchange(node, noRole, assertion(noRole, Map.of())));
    }
  }

  @Test
  void theCallersAddressReachesTheTrustPolicy() throws Exception {
    try (RunningServer node = RunningServer.start(dataDir)) {
      Federation f = register(node);
      String trust = """
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
          "Action":"sts:AssumeRoleWithSAML","Condition":{"%s":{"aws:SourceIp":"127.0.0.0/8"}}}]}""";
      Federation loopback = new Federation(f.providerArn(), role(node, "saml-loopback",
          trust.formatted(f.providerArn(), "IpAddress")), f.recipient());
      Federation elsewhere = new Federation(f.providerArn(), role(node, "saml-elsewhere",
          trust.formatted(f.providerArn(), "NotIpAddress")), f.recipient());

      exchange(node, loopback, assertion(loopback, Map.of()));
      assertAwsError("AccessDenied", () -> exchange(node, elsewhere, assertion(elsewhere, Map.of())));
      List<String> calls = Files.readAllLines(dataDir.resolve("audit.log")).stream()
          .filter(line -> line.contains("\"AssumeRoleWithSAML\"")).toList();
      assertEquals(2, calls.size(), "both calls are audited");
      assertTrue(calls.stream().allMatch(line -> line.contains("\"sourceAddress\":\"127.0.0.1\"")),
          "audited with the caller's address: " + calls);
    }
  }

  private static String role(RunningServer node, String name, String trust) {
    return node.iam(node.root).createRole(CreateRoleRequest.newBuilder().setRoleName(name)
        .setAssumeRolePolicyDocument(trust).build()).getRole().getArn();
  }

  @Test
  void aSecondNodeOnTheSameStoreRefusesAnAssertionTheFirstAccepted() throws Exception {
    String database = createDatabase();
    try (RunningServer first = RunningServer.start(dataDir, Map.of(Setting.STORE, database, Setting.NODE_ID, "a"),
        Clock.systemUTC())) {
      Federation f = register(first);
      String assertion = assertion(f, Map.of());
      try (RunningServer second = RunningServer.start(dataDir, Map.of(Setting.STORE, database,
          Setting.NODE_ID, "b"), Clock.systemUTC())) {
        exchange(first, f, assertion);
        assertAwsError("InvalidIdentityToken", () -> exchange(second, f, assertion));
        exchange(second, f, assertion(f, Map.of()));
      }
    } finally {
      dropDatabase(database);
    }
  }

  /** A database of this test's own on the PostgreSQL server at LANYARD_TEST_PG_URL; skips when unreachable. */
  private static String createDatabase() {
    String base = System.getenv().getOrDefault("LANYARD_TEST_PG_URL", PG_DEFAULT);
    byte[] bytes = new byte[5];
    new SecureRandom().nextBytes(bytes);
    String name = "lanyard_saml_" + HexFormat.of().formatHex(bytes);
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("PostgreSQL at LANYARD_TEST_PG_URL is required in CI but unusable: SQL state " + e.getSQLState());
      }
      Assumptions.abort("PostgreSQL is unreachable (SQL state " + e.getSQLState()
          + "); set LANYARD_TEST_PG_URL to run the two-node replay test");
    }
    return base.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
  }

  private static void dropDatabase(String url) {
    String base = System.getenv().getOrDefault("LANYARD_TEST_PG_URL", PG_DEFAULT);
    String name = url.replaceFirst("^jdbc:postgresql://[^/]*/", "").replaceFirst("\\?.*$", "");
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
      s.execute("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException e) {
      System.err.println("could not drop test database " + name + ": SQL state " + e.getSQLState());
    }
  }
}
