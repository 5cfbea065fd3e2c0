package dev.lanyard.sts.agent;

import static dev.lanyard.sts.session.GrpcErrors.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lanyard.proto.sts.v1.AssumeRoleForInstanceRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleForInstanceResponse;
import dev.lanyard.proto.sts.v1.EnrollInstanceRequest;
import dev.lanyard.proto.sts.v1.EnrollInstanceResponse;
import dev.lanyard.proto.sts.v1.GetInstanceChallengeRequest;
import dev.lanyard.proto.sts.v1.GetInstanceChallengeResponse;
import dev.lanyard.sdk.agent.HostKey;
import dev.lanyard.sts.store.model.HostInstance;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.token.SessionGrant;
import dev.lanyard.sts.token.VerifiedSession;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EnrollInstance, GetInstanceChallenge and AssumeRoleForInstance over gRPC against a real store. */
class InstanceOperationsGrpcTest {
  @TempDir Path dir;
  private InstanceServiceFixture f;
  private String account;
  private Role role;
  private HostKey hostKey;

  @BeforeEach
  void setUp() throws Exception {
    f = new InstanceServiceFixture(dir.resolve("data"));
    account = f.account();
    role = f.profileWithRole(account, "web", InstanceServiceFixture.EC2_TRUST, 43_200);
    hostKey = HostKey.loadOrCreate(dir.resolve("host-key"), new SecureRandom());
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private EnrollInstanceResponse enrol(String token, byte[] publicKey) {
    return f.sts().enrollInstance(EnrollInstanceRequest.newBuilder().setJoinToken(token)
        .setHostPublicKey(ByteString.copyFrom(publicKey)).setHostname("web-1").build());
  }

  private String enrolled() {
    return enrol(f.joinToken(account, "web", 600), hostKey.publicKeyDer()).getInstanceId();
  }

  private byte[] challenge(String instanceId) {
    GetInstanceChallengeResponse r = f.sts().getInstanceChallenge(
        GetInstanceChallengeRequest.newBuilder().setInstanceId(instanceId).build());
    return r.getChallenge().toByteArray();
  }

  private AssumeRoleForInstanceResponse assume(String instanceId, byte[] challenge, byte[] signature) {
    return f.sts().assumeRoleForInstance(AssumeRoleForInstanceRequest.newBuilder().setInstanceId(instanceId)
        .setChallenge(ByteString.copyFrom(challenge)).setSignature(ByteString.copyFrom(signature)).build());
  }

  private static byte[] signRaw(KeyPair pair, String instanceId, byte[] challenge) throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(pair.getPrivate());
    s.update(("lanyard-instance-proof-v1\n" + instanceId + "\n").getBytes(StandardCharsets.UTF_8));
    s.update(challenge);
    return s.sign();
  }

  @Test
  void enrolmentBindsANewInstanceIdToTheTokensProfileAndStoresTheKey() {
    EnrollInstanceResponse r = enrol(f.joinToken(account, "web", 600), hostKey.publicKeyDer());
    assertTrue(r.getInstanceId().matches("i-[0-9a-f]{17}"), r.getInstanceId());
    assertEquals(account, r.getAccount());
    assertEquals(role.arn(), r.getRoleArn());
    assertTrue(r.getInstanceProfileArn().endsWith(":instance-profile/web"), r.getInstanceProfileArn());
    HostInstance stored = f.store.hostEnrolment().instance(r.getInstanceId()).orElseThrow();
    assertEquals(java.util.Base64.getEncoder().encodeToString(hostKey.publicKeyDer()), stored.hostPublicKey());
    assertFalse(stored.revoked());
  }

  @Test
  void aJoinTokenIsUsedOnce() {
    String token = f.joinToken(account, "web", 600);
    enrol(token, hostKey.publicKeyDer());
    assertAwsError("AccessDenied", () -> enrol(token, hostKey.publicKeyDer()));
  }

  @Test
  void anExpiredJoinTokenIsRefused() {
    String token = f.joinToken(account, "web", 60);
    f.clock.advance(Duration.ofSeconds(61));
    assertAwsError("AccessDenied", () -> enrol(token, hostKey.publicKeyDer()));
  }

  @Test
  void malformedTokensAndKeysAreRefusedWithoutUsingTheToken() throws Exception {
    String token = f.joinToken(account, "web", 600);
    assertAwsError("ValidationError", () -> enrol("lyjt_short", hostKey.publicKeyDer()));
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
    assertAwsError("ValidationError", () -> enrol(token, ec.getPublic().getEncoded()));
    assertAwsError("ValidationError", () -> enrol(token, new byte[] {1, 2, 3}));
    assertTrue(enrol(token, hostKey.publicKeyDer()).getInstanceId().startsWith("i-"), "the token is still unused");
  }

  @Test
  void aSignedChallengeYieldsTheRolesCredentialsNamedAfterTheInstance() throws Exception {
    String id = enrolled();
    byte[] c = challenge(id);
    AssumeRoleForInstanceResponse r = assume(id, c, hostKey.signProof(id, c));

    assertEquals(role.id() + ":" + id, r.getAssumedRoleUser().getAssumedRoleId());
    assertEquals("arn:aws:sts::" + account + ":assumed-role/web/" + id, r.getAssumedRoleUser().getArn());
    assertTrue(r.getCredentials().getAccessKeyId().startsWith("ASIA"));
    VerifiedSession session = f.verifier.verify(r.getCredentials().getSessionToken());
    SessionGrant grant = session.claims().grant();
    assertEquals(role.arn(), grant.roleArn());
    assertEquals(id, grant.sessionName());
    assertEquals(role.id() + ":" + id, grant.userId());
    assertEquals(r.getCredentials().getAccessKeyId(), session.accessKeyId());
    assertEquals(r.getCredentials().getSecretAccessKey(), session.secret().reveal());
    Instant expiry = Instant.ofEpochSecond(r.getCredentials().getExpiration().getSeconds());
    assertEquals(f.clock.instant().plusSeconds(InstanceOperations.DEFAULT_SECONDS), expiry, "six hours by default");
    assertEquals(f.clock.instant(), f.store.hostEnrolment().instance(id).orElseThrow().lastRefresh());
    assertTrue(f.audit.stream().noneMatch(a -> String.valueOf(a.parameters()).contains(
        r.getCredentials().getSecretAccessKey())), "no secret in the audit");
  }

  @Test
  void theDefaultDurationIsCappedByTheRolesMaximumAndARequestAboveItIsRefused() {
    f.profileWithRole(account, "short", InstanceServiceFixture.EC2_TRUST, 3600);
    String id = enrol(f.joinToken(account, "short", 600), hostKey.publicKeyDer()).getInstanceId();
    byte[] c = challenge(id);
    AssumeRoleForInstanceResponse r = assume(id, c, hostKey.signProof(id, c));
    assertEquals(f.clock.instant().plusSeconds(3600).getEpochSecond(), r.getCredentials().getExpiration().getSeconds());
    byte[] c2 = challenge(id);
    assertAwsError("ValidationError", () -> f.sts().assumeRoleForInstance(AssumeRoleForInstanceRequest.newBuilder()
        .setInstanceId(id).setChallenge(ByteString.copyFrom(c2))
        .setSignature(ByteString.copyFrom(hostKey.signProof(id, c2))).setDurationSeconds(7200).build()));
  }

  @Test
  void aSignatureByAnotherKeyIsRefusedAndDoesNotBurnTheChallenge() throws Exception {
    String id = enrolled();
    byte[] c = challenge(id);
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertAwsError("AccessDenied", () -> assume(id, c, signRaw(other, id, c)));
    byte[] tampered = c.clone();
    tampered[tampered.length - 1] ^= 1;
    assertAwsError("AccessDenied", () -> assume(id, tampered, hostKey.signProof(id, c)));
    assertNotNull(assume(id, c, hostKey.signProof(id, c)).getCredentials());
  }

  @Test
  void aChallengeIsAnsweredOnce() {
    String id = enrolled();
    byte[] c = challenge(id);
    assume(id, c, hostKey.signProof(id, c));
    assertAwsError("AccessDenied", () -> assume(id, c, hostKey.signProof(id, c)));
  }

  @Test
  void aStaleChallengeIsRefused() {
    String id = enrolled();
    byte[] c = challenge(id);
    f.clock.advance(InstanceOperations.CHALLENGE_LIFETIME.plusSeconds(2));
    assertAwsError("ExpiredToken", () -> assume(id, c, hostKey.signProof(id, c)));
  }

  @Test
  void aChallengeTheHostMadeItselfIsRefusedEveryTime() {
    String id = enrolled();
    long expiry = f.clock.instant().plusSeconds(30).getEpochSecond();
    byte[] forged = ByteBuffer.allocate(41).put((byte) 1).putLong(expiry).put(new byte[32]).array();
    assertAwsError("AccessDenied", () -> assume(id, forged, hostKey.signProof(id, forged)));
    assertAwsError("AccessDenied", () -> assume(id, forged, hostKey.signProof(id, forged)));
  }

  @Test
  void aChallengeIssuedForAnotherInstanceIsRefused() throws Exception {
    String first = enrolled();
    String second = enrolled();
    byte[] c = challenge(first);
    assertAwsError("AccessDenied", () -> assume(second, c, hostKey.signProof(second, c)));
  }

  @Test
  void aRevokedInstanceIsRefused() {
    String id = enrolled();
    byte[] c = challenge(id);
    f.store.hostEnrolment().revoke(id);
    assertAwsError("AccessDenied", () -> assume(id, c, hostKey.signProof(id, c)));
    assertAwsError("AccessDenied", () -> challenge(id));
  }

  @Test
  void aRoleWhoseTrustPolicyDoesNotNameEc2IsRefused() {
    f.profileWithRole(account, "lambda-only", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"},{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":root\"},\"Action\":\"sts:AssumeRole\"}]}", 3600);
    String id = enrol(f.joinToken(account, "lambda-only", 600), hostKey.publicKeyDer()).getInstanceId();
    byte[] c = challenge(id);
    String message = assertAwsError("AccessDenied", () -> assume(id, c, hostKey.signProof(id, c)));
    assertTrue(message.contains("ec2.amazonaws.com"), message);
  }

  @Test
  void malformedInstanceIdsAndChallengesAreValidationErrors() {
    assertAwsError("ValidationError", () -> challenge("i-123"));
    String id = enrolled();
    assertAwsError("ValidationError", () -> assume(id, new byte[8], new byte[64]));
    assertAwsError("AccessDenied", () -> challenge("i-0123456789abcdef0"));
  }
}
