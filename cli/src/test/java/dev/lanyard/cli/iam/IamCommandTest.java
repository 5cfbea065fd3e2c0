package dev.lanyard.cli.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.cli.CliRun;
import dev.lanyard.cli.LanyardNode;
import dev.lanyard.cli.credentials.CliEnvironment;
import dev.lanyard.sts.mfa.Base32;
import dev.lanyard.sts.mfa.Totp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lanyard iam ...}: every verb against a real node, as the account's root user. */
class IamCommandTest {
  private static final String ALLOW_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
  @TempDir static Path folder;
  private static LanyardNode node;
  private static CliEnvironment root;
  private static String trust;

  @BeforeAll
  static void startNode() throws Exception {
    node = LanyardNode.start(folder);
    root = node.rootEnvironment();
    trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
        + node.accountId + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void theTableHoldsTheEverydayVerbs() {
    Set<String> names = new HashSet<>();
    IamCommand.VERBS.forEach(v -> names.add(v.name()));
    for (String verb : List.of("create-user", "get-user", "list-users", "delete-user", "create-group",
        "add-user-to-group", "create-role", "get-role", "list-roles", "delete-role", "update-assume-role-policy",
        "create-policy", "get-policy", "list-policies", "create-policy-version", "attach-user-policy",
        "attach-role-policy", "attach-group-policy", "detach-user-policy", "detach-role-policy",
        "detach-group-policy", "put-user-policy", "put-role-policy", "put-group-policy", "create-access-key",
        "list-access-keys", "update-access-key", "delete-access-key", "create-virtual-mfa-device",
        "enable-mfa-device", "deactivate-mfa-device", "create-instance-profile", "add-role-to-instance-profile",
        "create-open-id-connect-provider", "create-saml-provider", "create-join-token", "list-instances",
        "revoke-instance", "revoke-sessions", "tag-role", "tag-user")) {
      assertTrue(names.contains(verb), verb);
    }
  }

  private static CliRun iam(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "iam";
    System.arraycopy(args, 0, full, 1, args.length);
    return CliRun.run(root, full);
  }

  private static JsonNode ok(String... args) {
    CliRun run = iam(args);
    assertEquals(0, run.exitCode(), run::toString);
    return run.out().isEmpty() ? null : run.json();
  }

  private static CliRun fails(String code, String... args) {
    CliRun run = iam(args);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains(code), run::toString);
    assertTrue(run.err().contains("What to do"), run::toString);
    return run;
  }

  @Test
  void usersGroupsAndTags() {
    JsonNode user = ok("create-user", "--user-name", "alice", "--path", "/eng/", "--tags", "Key=team,Value=blue")
        .get("User");
    assertEquals("alice", user.get("UserName").asText());
    assertEquals("arn:aws:iam::" + node.accountId + ":user/eng/alice", user.get("Arn").asText());
    assertTrue(user.get("UserId").asText().startsWith("AIDA"));
    fails("EntityAlreadyExists", "create-user", "--user-name", "alice");
    assertEquals("alice", ok("get-user", "--user-name", "alice").get("User").get("UserName").asText());
    ok("tag-user", "--user-name", "alice", "--tags", "Key=level,Value=3");
    JsonNode tags = ok("get-user", "--user-name", "alice").get("User").get("Tags");
    assertEquals(2, tags.size(), tags::toString);
    ok("untag-user", "--user-name", "alice", "--tag-keys", "level");
    assertEquals(1, ok("get-user", "--user-name", "alice").get("User").get("Tags").size());

    JsonNode users = ok("list-users", "--path-prefix", "/eng/").get("Users");
    assertEquals(1, users.size());
    CliRun table = iam("list-users", "--output", "table");
    assertEquals(0, table.exitCode(), table::toString);
    assertTrue(table.out().lines().findFirst().orElseThrow().matches("Path\\s+UserName\\s+UserId\\s+Arn\\s+CreateDate"),
        table::toString);
    assertTrue(table.out().contains("alice"), table::toString);

    assertEquals("devs", ok("create-group", "--group-name", "devs").get("Group").get("GroupName").asText());
    ok("add-user-to-group", "--group-name", "devs", "--user-name", "alice");
    JsonNode group = ok("get-group", "--group-name", "devs");
    assertEquals("alice", group.get("Users").get(0).get("UserName").asText());
    assertTrue(ok("list-groups").get("Groups").toString().contains("devs"));
    fails("DeleteConflict", "delete-user", "--user-name", "alice");
    ok("remove-user-from-group", "--group-name", "devs", "--user-name", "alice");
    ok("delete-group", "--group-name", "devs");
    ok("delete-user", "--user-name", "alice");
    fails("NoSuchEntity", "get-user", "--user-name", "alice");
    assertEquals(0, ok("list-users", "--path-prefix", "/eng/").get("Users").size());
  }

  @Test
  void rolesManagedAndInlinePolicies() throws Exception {
    Path trustFile = folder.resolve("trust.json");
    Files.writeString(trustFile, trust);
    JsonNode role = ok("create-role", "--role-name", "app", "--assume-role-policy-document", "file://" + trustFile,
        "--description", "the app", "--max-session-duration", "7200").get("Role");
    assertTrue(role.get("RoleId").asText().startsWith("AROA"));
    assertEquals(7200, role.get("MaxSessionDuration").asInt());
    JsonNode got = ok("get-role", "--role-name", "app").get("Role");
    assertEquals("sts:AssumeRole", got.get("AssumeRolePolicyDocument").get("Statement").get(0).get("Action").asText(),
        "the trust policy is printed as a JSON object, as the AWS CLI does");
    assertTrue(ok("list-roles").get("Roles").toString().contains("\"app\""));
    ok("update-assume-role-policy", "--role-name", "app", "--policy-document", trust.replace("sts:AssumeRole", "sts:*"));
    ok("tag-role", "--role-name", "app", "--tags", "Key=tier,Value=web");
    assertEquals("tier", ok("get-role", "--role-name", "app").get("Role").get("Tags").get(0).get("Key").asText());
    ok("untag-role", "--role-name", "app", "--tag-keys", "tier");

    JsonNode policy = ok("create-policy", "--policy-name", "read", "--policy-document", ALLOW_S3,
        "--description", "reads").get("Policy");
    String arn = policy.get("Arn").asText();
    assertEquals("arn:aws:iam::" + node.accountId + ":policy/read", arn);
    assertEquals("v1", policy.get("DefaultVersionId").asText());
    assertEquals("read", ok("get-policy", "--policy-arn", arn).get("Policy").get("PolicyName").asText());
    assertTrue(ok("list-policies", "--scope", "Local").get("Policies").toString().contains(arn));
    JsonNode version = ok("create-policy-version", "--policy-arn", arn, "--policy-document",
        ALLOW_S3.replace("s3:GetObject", "s3:List*"), "--set-as-default").get("PolicyVersion");
    assertEquals("v2", version.get("VersionId").asText());
    assertTrue(version.get("IsDefaultVersion").asBoolean());
    assertEquals("s3:List*", ok("get-policy-version", "--policy-arn", arn, "--version-id", "v2")
        .get("PolicyVersion").get("Document").get("Statement").get(0).get("Action").asText());
    fails("MalformedPolicyDocument", "create-policy", "--policy-name", "bad", "--policy-document", "{\"Version\":1}");

    ok("create-user", "--user-name", "dave");
    ok("create-group", "--group-name", "ops");
    ok("attach-user-policy", "--user-name", "dave", "--policy-arn", arn);
    ok("attach-group-policy", "--group-name", "ops", "--policy-arn", arn);
    ok("attach-role-policy", "--role-name", "app", "--policy-arn", arn);
    assertEquals(arn, ok("list-attached-user-policies", "--user-name", "dave")
        .get("AttachedPolicies").get(0).get("PolicyArn").asText());
    assertEquals(arn, ok("list-attached-role-policies", "--role-name", "app")
        .get("AttachedPolicies").get(0).get("PolicyArn").asText());
    fails("DeleteConflict", "delete-policy", "--policy-arn", arn);
    ok("detach-user-policy", "--user-name", "dave", "--policy-arn", arn);
    ok("detach-group-policy", "--group-name", "ops", "--policy-arn", arn);
    ok("detach-role-policy", "--role-name", "app", "--policy-arn", arn);
    assertEquals(0, ok("list-attached-user-policies", "--user-name", "dave").get("AttachedPolicies").size());

    ok("put-user-policy", "--user-name", "dave", "--policy-name", "inline", "--policy-document", ALLOW_S3);
    ok("put-group-policy", "--group-name", "ops", "--policy-name", "inline", "--policy-document", ALLOW_S3);
    ok("put-role-policy", "--role-name", "app", "--policy-name", "inline", "--policy-document", ALLOW_S3);
    JsonNode inline = ok("get-role-policy", "--role-name", "app", "--policy-name", "inline");
    assertEquals("s3:GetObject", inline.get("PolicyDocument").get("Statement").get(0).get("Action").asText());
    ok("delete-role-policy", "--role-name", "app", "--policy-name", "inline");
    ok("delete-user-policy", "--user-name", "dave", "--policy-name", "inline");
    fails("NoSuchEntity", "get-role-policy", "--role-name", "app", "--policy-name", "inline");

    JsonNode revoked = ok("revoke-sessions", "--role-name", "app", "--issued-before", "2030-01-01T00:00:00Z");
    assertEquals("arn:aws:iam::" + node.accountId + ":role/app", revoked.get("Arn").asText());
    assertEquals("2030-01-01T00:00:00Z", revoked.get("IssuedBefore").asText());
    ok("delete-role", "--role-name", "app");
    fails("NoSuchEntity", "get-role", "--role-name", "app");
  }

  @Test
  void accessKeysAndMfa() {
    ok("create-user", "--user-name", "erin");
    JsonNode key = ok("create-access-key", "--user-name", "erin").get("AccessKey");
    String id = key.get("AccessKeyId").asText();
    assertTrue(id.startsWith("AKIA"));
    assertEquals(40, key.get("SecretAccessKey").asText().length());
    assertEquals("Active", key.get("Status").asText());
    JsonNode listed = ok("list-access-keys", "--user-name", "erin").get("AccessKeyMetadata");
    assertEquals(id, listed.get(0).get("AccessKeyId").asText());
    assertFalse(listed.toString().contains("SecretAccessKey"), "a listing never carries the secret");
    ok("update-access-key", "--user-name", "erin", "--access-key-id", id, "--status", "Inactive");
    assertEquals("Inactive", ok("list-access-keys", "--user-name", "erin")
        .get("AccessKeyMetadata").get(0).get("Status").asText());
    CliRun badStatus = iam("update-access-key", "--access-key-id", id, "--status", "Paused");
    assertEquals(2, badStatus.exitCode(), badStatus::toString);
    assertTrue(badStatus.err().contains("Active, Inactive"), badStatus::toString);
    ok("delete-access-key", "--user-name", "erin", "--access-key-id", id);

    JsonNode device = ok("create-virtual-mfa-device", "--virtual-mfa-device-name", "erin-phone")
        .get("VirtualMFADevice");
    String serial = device.get("SerialNumber").asText();
    byte[] seed = Base32.decode(device.get("Base32StringSeed").asText());
    Totp totp = Totp.standard();
    long step = totp.step(Instant.now());
    ok("enable-mfa-device", "--user-name", "erin", "--serial-number", serial,
        "--authentication-code1", totp.code(seed, step - 1), "--authentication-code2", totp.code(seed, step));
    assertEquals(serial, ok("list-mfa-devices", "--user-name", "erin").get("MFADevices").get(0)
        .get("SerialNumber").asText());
    ok("deactivate-mfa-device", "--user-name", "erin", "--serial-number", serial);
    assertEquals(0, ok("list-mfa-devices", "--user-name", "erin").get("MFADevices").size());
  }

  @Test
  void instanceProfilesJoinTokensAndInstances() {
    ok("create-role", "--role-name", "host", "--assume-role-policy-document",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
    JsonNode profile = ok("create-instance-profile", "--instance-profile-name", "web").get("InstanceProfile");
    assertTrue(profile.get("InstanceProfileId").asText().startsWith("AIPA"));
    ok("add-role-to-instance-profile", "--instance-profile-name", "web", "--role-name", "host");
    assertEquals("host", ok("get-instance-profile", "--instance-profile-name", "web")
        .get("InstanceProfile").get("Roles").get(0).get("RoleName").asText());
    JsonNode token = ok("create-join-token", "--instance-profile", "web", "--ttl-seconds", "600");
    assertFalse(token.get("JoinToken").asText().isEmpty());
    assertEquals(profile.get("Arn").asText(), token.get("InstanceProfileArn").asText());
    assertEquals(0, ok("list-instances", "--instance-profile-name", "web").get("Instances").size());
    fails("NoSuchEntity", "revoke-instance", "--instance-id", "i-0123456789abcdef0");
  }

  @Test
  void identityProviders() throws Exception {
    String arn = ok("create-open-id-connect-provider", "--url", "https://issuer.example.com/tenant",
        "--client-id-list", "sts.amazonaws.com", "app", "--thumbprint-list", "a".repeat(40))
        .get("OpenIDConnectProviderArn").asText();
    assertEquals("arn:aws:iam::" + node.accountId + ":oidc-provider/issuer.example.com/tenant", arn);
    assertEquals(arn, ok("list-open-id-connect-providers").get("OpenIDConnectProviderList").get(0).get("Arn").asText());

    Path metadata = folder.resolve("idp.xml");
    Files.writeString(metadata, samlMetadata());
    String saml = ok("create-saml-provider", "--name", "Corp", "--saml-metadata-document", "file://" + metadata)
        .get("SAMLProviderArn").asText();
    assertEquals("arn:aws:iam::" + node.accountId + ":saml-provider/Corp", saml);
    assertEquals(saml, ok("list-saml-providers").get("SAMLProviderList").get(0).get("Arn").asText());
  }

  @Test
  void usageErrorsExitTwoWithoutCallingTheServer() {
    CliRun missing = iam("create-user");
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("--user-name"), missing::toString);
    CliRun unreadable = iam("create-policy", "--policy-name", "x", "--policy-document", "file:///no/such/file.json");
    assertEquals(2, unreadable.exitCode(), unreadable::toString);
    assertTrue(unreadable.err().contains("--policy-document"), unreadable::toString);
    assertEquals(2, iam("revoke-sessions", "--role-name", "x", "--issued-before", "yesterday").exitCode());
  }

  @Test
  void everyVerbHasHelp() {
    for (var verb : IamCommand.VERBS) {
      CliRun help = CliRun.run(root, "iam", verb.name(), "--help");
      assertEquals(0, help.exitCode(), verb.name());
      assertTrue(help.out().contains("--endpoint") && help.out().contains("Exit codes"), help::toString);
    }
  }

  private static String samlMetadata() throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    java.security.KeyPair keys = generator.generateKeyPair();
    org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=Test IdP");
    Instant now = Instant.now();
    var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, java.math.BigInteger.ONE,
        java.util.Date.from(now.minusSeconds(3600)), java.util.Date.from(now.plusSeconds(86_400L * 365)), name,
        keys.getPublic());
    var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    String cert = Base64.getEncoder().encodeToString(new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
        .getCertificate(builder.build(signer)).getEncoded());
    return "<?xml version=\"1.0\"?><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
        + " entityID=\"https://idp.example.com/saml\">"
        + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
        + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
        + "<ds:X509Data><ds:X509Certificate>" + cert + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
        + "</md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>";
  }
}
