package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamServiceFixture.TRUST_EC2;
import static dev.lanyard.sts.iam.IamServiceFixture.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.common.v1.Tag;
import dev.lanyard.proto.iam.v1.*;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.store.model.Account;
import dev.lanyard.sts.store.model.HostInstance;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderProfileOperationsTest {
  static final String THUMB = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";

  @TempDir
  static Path dir;
  static IamServiceFixture f;
  Account account;

  @BeforeAll
  static void start() throws Exception {
    f = new IamServiceFixture(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void freshAccount() {
    account = f.newAccountAsRoot();
  }

  /** A real self-signed RSA-2048 signing certificate, base64 DER, as IdP metadata carries it. */
  private static final String SIGNING_CERTIFICATE = selfSignedCertificate();

  private static String selfSignedCertificate() {
    try {
      java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      java.security.KeyPair keys = generator.generateKeyPair();
      org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=Test IdP");
      java.time.Instant now = java.time.Instant.now();
      var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name,
          java.math.BigInteger.ONE, java.util.Date.from(now.minusSeconds(3600)),
          java.util.Date.from(now.plusSeconds(86_400 * 365L)), name, keys.getPublic());
      var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
          .build(keys.getPrivate());
      return Base64.getEncoder().encodeToString(new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
          .getCertificate(builder.build(signer)).getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String metadata(String validUntil) {
    String cert = SIGNING_CERTIFICATE;
    return "<?xml version=\"1.0\"?><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
        + " entityID=\"https://idp.example.com/saml\"" + (validUntil == null ? "" : " validUntil=\"" + validUntil + "\"")
        + "><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
        + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
        + "<ds:X509Data><ds:X509Certificate>" + cert + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>"
        + "</md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>";
  }

  @Test
  void instanceProfilesHoldOneRole() {
    InstanceProfile p = f.iam.createInstanceProfile(CreateInstanceProfileRequest.newBuilder()
        .setInstanceProfileName("web").setPath("/hosts/").build()).getInstanceProfile();
    assertEquals("arn:aws:iam::" + account.id() + ":instance-profile/hosts/web", p.getArn());
    assertTrue(p.getInstanceProfileId().startsWith("AIPA"));
    f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName("r1").setAssumeRolePolicyDocument(TRUST_EC2).build());
    f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName("r2").setAssumeRolePolicyDocument(TRUST_EC2).build());
    f.iam.addRoleToInstanceProfile(AddRoleToInstanceProfileRequest.newBuilder().setInstanceProfileName("web")
        .setRoleName("r1").build());
    assertEquals("LimitExceeded", errorCode(() -> f.iam.addRoleToInstanceProfile(AddRoleToInstanceProfileRequest
        .newBuilder().setInstanceProfileName("web").setRoleName("r2").build())));
    InstanceProfile got = f.iam.getInstanceProfile(GetInstanceProfileRequest.newBuilder()
        .setInstanceProfileName("web").build()).getInstanceProfile();
    assertEquals("r1", got.getRoles(0).getRoleName());
    assertEquals(List.of("web"), f.iam.listInstanceProfiles(ListInstanceProfilesRequest.getDefaultInstance())
        .getInstanceProfilesList().stream().map(InstanceProfile::getInstanceProfileName).toList());
    assertEquals("DeleteConflict", errorCode(() -> f.iam.deleteInstanceProfile(DeleteInstanceProfileRequest
        .newBuilder().setInstanceProfileName("web").build())));
    f.iam.removeRoleFromInstanceProfile(RemoveRoleFromInstanceProfileRequest.newBuilder()
        .setInstanceProfileName("web").setRoleName("r1").build());
    f.iam.deleteInstanceProfile(DeleteInstanceProfileRequest.newBuilder().setInstanceProfileName("web").build());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.getInstanceProfile(GetInstanceProfileRequest.newBuilder()
        .setInstanceProfileName("web").build())));
  }

  @Test
  void addingARoleNeedsPassRole() {
    f.iam.createInstanceProfile(CreateInstanceProfileRequest.newBuilder().setInstanceProfileName("p").build());
    f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName("r").setAssumeRolePolicyDocument(TRUST_EC2).build());
    Caller admin = f.user(account.id(), "admin", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"iam:AddRoleToInstanceProfile\",\"Resource\":\"*\"}]}");
    f.actAs(admin);
    assertEquals("AccessDenied", errorCode(() -> f.iam.addRoleToInstanceProfile(AddRoleToInstanceProfileRequest
        .newBuilder().setInstanceProfileName("p").setRoleName("r").build())));
  }

  @Test
  void joinTokensInstancesAndRevocation() {
    f.iam.createInstanceProfile(CreateInstanceProfileRequest.newBuilder().setInstanceProfileName("hosts").build());
    CreateJoinTokenResponse token = f.iam.createJoinToken(CreateJoinTokenRequest.newBuilder()
        .setInstanceProfileName("hosts").setTtlSeconds(600).build());
    assertTrue(token.getJoinToken().startsWith(JoinTokens.PREFIX));
    String hash = JoinTokens.hash(token.getJoinToken());
    assertEquals(JoinTokens.id(hash), token.getJoinTokenId());
    assertEquals(f.clock.instant().plusSeconds(600).getEpochSecond(), token.getExpiration().getSeconds());
    assertTrue(f.store.hostEnrolment().joinToken(hash).isPresent(), "only the hash is stored, and it finds the token");
    assertEquals("ValidationError", errorCode(() -> f.iam.createJoinToken(CreateJoinTokenRequest.newBuilder()
        .setInstanceProfileName("hosts").setTtlSeconds(59).build())));
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.createJoinToken(CreateJoinTokenRequest.newBuilder()
        .setInstanceProfileName("nope").build())));

    byte[] der = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, 1, 2, 3};
    HostInstance host = f.store.hostEnrolment().enrol(hash, Base64.getEncoder().encodeToString(der));
    ListInstancesResponse listed = f.iam.listInstances(ListInstancesRequest.newBuilder()
        .setInstanceProfileName("hosts").build());
    Instance i = listed.getInstances(0);
    assertEquals(host.instanceId(), i.getInstanceId());
    assertEquals(InstanceStatus.INSTANCE_STATUS_ACTIVE, i.getStatus());
    assertEquals(64, i.getHostKeyFingerprint().length());
    assertTrue(i.getInstanceProfileArn().endsWith(":instance-profile/hosts"));
    f.iam.revokeInstance(RevokeInstanceRequest.newBuilder().setInstanceId(host.instanceId()).build());
    assertEquals(InstanceStatus.INSTANCE_STATUS_REVOKED, f.iam.listInstances(ListInstancesRequest.getDefaultInstance())
        .getInstances(0).getStatus());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.revokeInstance(RevokeInstanceRequest.newBuilder()
        .setInstanceId("i-0123456789abcdef0").build())));

    String audit = auditText();
    assertFalse(audit.contains(token.getJoinToken()), "no join token in the audit log");
  }

  private static String auditText() {
    try {
      return f.auditText();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void openIdConnectProviders() {
    CreateOpenIDConnectProviderResponse created = f.iam.createOpenIDConnectProvider(CreateOpenIDConnectProviderRequest
        .newBuilder().setUrl("https://token.example.com:8443/tenant").addClientIdList("app")
        .addThumbprintList(THUMB).addTags(Tag.newBuilder().setKey("k").setValue("v")).build());
    String arn = created.getOpenIdConnectProviderArn();
    assertEquals("arn:aws:iam::" + account.id() + ":oidc-provider/token.example.com:8443/tenant", arn);
    f.iam.addClientIDToOpenIDConnectProvider(AddClientIDToOpenIDConnectProviderRequest.newBuilder()
        .setOpenIdConnectProviderArn(arn).setClientId("cli").build());
    f.iam.removeClientIDFromOpenIDConnectProvider(RemoveClientIDFromOpenIDConnectProviderRequest.newBuilder()
        .setOpenIdConnectProviderArn(arn).setClientId("app").build());
    f.iam.updateOpenIDConnectProviderThumbprint(UpdateOpenIDConnectProviderThumbprintRequest.newBuilder()
        .setOpenIdConnectProviderArn(arn).addThumbprintList(THUMB.replace('9', '8')).build());
    f.iam.tagOpenIDConnectProvider(TagOpenIDConnectProviderRequest.newBuilder().setOpenIdConnectProviderArn(arn)
        .addTags(Tag.newBuilder().setKey("k2").setValue("v2")).build());
    f.iam.untagOpenIDConnectProvider(UntagOpenIDConnectProviderRequest.newBuilder().setOpenIdConnectProviderArn(arn)
        .addTagKeys("k").build());
    GetOpenIDConnectProviderResponse got = f.iam.getOpenIDConnectProvider(GetOpenIDConnectProviderRequest.newBuilder()
        .setOpenIdConnectProviderArn(arn).build());
    assertEquals("token.example.com:8443/tenant", got.getUrl());
    assertEquals(List.of("cli"), got.getClientIdListList());
    assertEquals(List.of(THUMB.replace('9', '8')), got.getThumbprintListList());
    assertEquals(List.of("k2"), got.getTagsList().stream().map(Tag::getKey).toList());
    assertEquals(List.of(arn), f.iam.listOpenIDConnectProviders(ListOpenIDConnectProvidersRequest.getDefaultInstance())
        .getOpenIdConnectProviderListList().stream().map(OpenIDConnectProviderListEntry::getArn).toList());
    f.iam.deleteOpenIDConnectProvider(DeleteOpenIDConnectProviderRequest.newBuilder().setOpenIdConnectProviderArn(arn)
        .build());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.getOpenIDConnectProvider(GetOpenIDConnectProviderRequest
        .newBuilder().setOpenIdConnectProviderArn(arn).build())));
  }

  @Test
  void openIdConnectValidation() {
    for (String url : List.of("http://token.example.com", "https://token.example.com/?q=1",
        "https://token.example.com/#frag", "https://user@token.example.com", "")) {
      assertEquals("ValidationError", errorCode(() -> f.iam.createOpenIDConnectProvider(
          CreateOpenIDConnectProviderRequest.newBuilder().setUrl(url).build())), url);
    }
    var many = CreateOpenIDConnectProviderRequest.newBuilder().setUrl("https://a.example.com");
    for (int i = 0; i < 101; i++) {
      many.addClientIdList("c" + i);
    }
    assertEquals("LimitExceeded", errorCode(() -> f.iam.createOpenIDConnectProvider(many.build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createOpenIDConnectProvider(
        CreateOpenIDConnectProviderRequest.newBuilder().setUrl("https://a.example.com").addClientIdList("x".repeat(256))
            .build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createOpenIDConnectProvider(
        CreateOpenIDConnectProviderRequest.newBuilder().setUrl("https://a.example.com").addThumbprintList("abc")
            .build())));
    var thumbs = CreateOpenIDConnectProviderRequest.newBuilder().setUrl("https://a.example.com");
    for (int i = 0; i < 6; i++) {
      thumbs.addThumbprintList(THUMB.substring(0, 39) + i);
    }
    assertEquals("LimitExceeded", errorCode(() -> f.iam.createOpenIDConnectProvider(thumbs.build())));
  }

  @Test
  void samlProviders() {
    CreateSAMLProviderResponse created = f.iam.createSAMLProvider(CreateSAMLProviderRequest.newBuilder()
        .setName("Corp_IdP").setSamlMetadataDocument(metadata("2030-01-01T00:00:00Z")).build());
    String arn = created.getSamlProviderArn();
    assertEquals("arn:aws:iam::" + account.id() + ":saml-provider/Corp_IdP", arn);
    GetSAMLProviderResponse got = f.iam.getSAMLProvider(GetSAMLProviderRequest.newBuilder().setSamlProviderArn(arn)
        .build());
    assertEquals(java.time.Instant.parse("2030-01-01T00:00:00Z").getEpochSecond(), got.getValidUntil().getSeconds());
    f.iam.updateSAMLProvider(UpdateSAMLProviderRequest.newBuilder().setSamlProviderArn(arn)
        .setSamlMetadataDocument(metadata(null)).build());
    assertFalse(f.iam.getSAMLProvider(GetSAMLProviderRequest.newBuilder().setSamlProviderArn(arn).build())
        .hasValidUntil());
    assertEquals(List.of(arn), f.iam.listSAMLProviders(ListSAMLProvidersRequest.getDefaultInstance())
        .getSamlProviderListList().stream().map(SAMLProviderListEntry::getArn).toList());
    f.iam.deleteSAMLProvider(DeleteSAMLProviderRequest.newBuilder().setSamlProviderArn(arn).build());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.getSAMLProvider(GetSAMLProviderRequest.newBuilder()
        .setSamlProviderArn(arn).build())));
  }

  @Test
  void samlMetadataIsCheckedAndParsedSafely() {
    assertEquals("ValidationError", errorCode(() -> f.iam.createSAMLProvider(CreateSAMLProviderRequest.newBuilder()
        .setName("short").setSamlMetadataDocument("<md:EntityDescriptor/>").build())));
    String dtd = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + metadata(null).substring("<?xml version=\"1.0\"?>".length()).replace("entityID=\"", "entityID=\"&e;");
    assertEquals("InvalidInput", errorCode(() -> f.iam.createSAMLProvider(CreateSAMLProviderRequest.newBuilder()
        .setName("dtd").setSamlMetadataDocument(dtd).build())));
    String noEntity = "<root>" + "x".repeat(1200) + "</root>";
    assertEquals("InvalidInput", errorCode(() -> f.iam.createSAMLProvider(CreateSAMLProviderRequest.newBuilder()
        .setName("none").setSamlMetadataDocument(noEntity).build())));
    assertEquals("InvalidInput", errorCode(() -> f.iam.createSAMLProvider(CreateSAMLProviderRequest.newBuilder()
        .setName("broken").setSamlMetadataDocument(metadata(null).replace("</md:EntityDescriptor>", "")).build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createSAMLProvider(CreateSAMLProviderRequest.newBuilder()
        .setName("bad name").setSamlMetadataDocument(metadata(null)).build())));
  }

  @Test
  void accountsAreCreatedByARootWithARootKey() {
    CreateAccountResponse created = f.iam.createAccount(CreateAccountRequest.newBuilder().setAccountAlias("team-b")
        .build());
    String id = created.getAccount().getAccountId();
    assertTrue(id.matches("[0-9]{12}"));
    assertEquals("team-b", created.getAccount().getAccountAlias());
    assertEquals(40, created.getRootAccessKey().getSecretAccessKey().length());
    assertEquals(List.of(created.getRootAccessKey().getAccessKeyId()),
        f.store.accessKeys().listForRoot(id).stream().map(k -> k.accessKeyId()).toList());
    assertTrue(f.iam.listAccounts(ListAccountsRequest.newBuilder().setMaxItems(1000).build()).getAccountsList()
        .stream().anyMatch(a -> a.getAccountId().equals(id)));
    assertEquals("ValidationError", errorCode(() -> f.iam.createAccount(CreateAccountRequest.newBuilder()
        .setAccountId("12345").build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createAccount(CreateAccountRequest.newBuilder()
        .setAccountAlias("-bad-").build())));

    Caller plain = f.user(account.id(), "plain", IamServiceFixture.ALLOW_ALL_IAM.replace("iam:*", "iam:GetUser"));
    f.actAs(plain);
    assertEquals("AccessDenied", errorCode(() -> f.iam.createAccount(CreateAccountRequest.getDefaultInstance())));
    assertEquals("AccessDenied", errorCode(() -> f.iam.listAccounts(ListAccountsRequest.getDefaultInstance())));
    f.actAs(f.root(account.id()));
    Caller admin = f.user(account.id(), "admin", IamServiceFixture.ALLOW_ALL_IAM);
    f.actAs(admin);
    assertTrue(f.iam.listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsCount() >= 2);
    assertFalse(auditText().contains(created.getRootAccessKey().getSecretAccessKey()));
  }
}
