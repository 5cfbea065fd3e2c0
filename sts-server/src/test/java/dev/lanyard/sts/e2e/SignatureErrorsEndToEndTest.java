package dev.lanyard.sts.e2e;

import static dev.lanyard.sts.e2e.AwsErrors.assertAwsError;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.ALICE;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.ALICE_ARN;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.PRIMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.iam.v1.AccessKey;
import dev.lanyard.proto.iam.v1.AccessKeyStatus;
import dev.lanyard.proto.iam.v1.CreateAccessKeyRequest;
import dev.lanyard.proto.iam.v1.CreateUserRequest;
import dev.lanyard.proto.iam.v1.DeleteAccessKeyRequest;
import dev.lanyard.proto.iam.v1.GetUserRequest;
import dev.lanyard.proto.iam.v1.UpdateAccessKeyRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.grpc.GrpcRequestView;
import dev.lanyard.sdk.signing.grpc.SigV4ClientInterceptor;
import io.grpc.ClientInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a SigV4 signature can be wrong, over a real socket: each is refused before the handler
 * runs, with status UNAUTHENTICATED and the AWS error code in the {@code ErrorDetail}.
 */
class SignatureErrorsEndToEndTest {
  private static final GetCallerIdentityRequest WHO = GetCallerIdentityRequest.getDefaultInstance();

  @TempDir
  static Path dir;
  static RunningServer node;

  @BeforeAll
  static void start() throws Exception {
    node = TwoAccountBootstrap.start(dir, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static ClientInterceptor signer(Credentials c, String region, Clock clock) {
    return new SigV4ClientInterceptor(() -> c, region, clock);
  }

  private static AwsErrors.Refusal refusedWith(String code, ClientInterceptor... interceptors) {
    AwsErrors.Refusal r = assertAwsError(code, () -> node.stsVia(interceptors).getCallerIdentity(WHO));
    assertEquals(Status.Code.UNAUTHENTICATED, r.status());
    assertFalse(r.message().contains(ALICE.secretAccessKey()), "a refusal never echoes a secret");
    return r;
  }

  private static Credentials newKey(String userName) {
    node.iam(node.root).createUser(CreateUserRequest.newBuilder().setUserName(userName).build());
    AccessKey key = node.iam(node.root).createAccessKey(
        CreateAccessKeyRequest.newBuilder().setUserName(userName).build()).getAccessKey();
    return Credentials.longTerm(key.getAccessKeyId(), key.getSecretAccessKey());
  }

  @Test
  void aCallWithoutASignatureIsMissingAuthenticationToken() {
    refusedWith("MissingAuthenticationToken");
    assertAwsError("MissingAuthenticationToken",
        () -> node.iamVia().getUser(GetUserRequest.newBuilder().setUserName("alice").build()));
    assertAwsError("MissingAuthenticationToken", () -> node.authzVia().authorize(
        AuthorizeRequest.newBuilder().setAction("s3:GetObject").setResource("*").build()));
    assertEquals(ALICE_ARN, node.sts(ALICE).getCallerIdentity(WHO).getArn(), "the same call signed is answered");
  }

  @Test
  void aWrongSecretIsSignatureDoesNotMatch() {
    Credentials wrong = Credentials.longTerm(ALICE.accessKeyId(), "not-alices-secret-access-key-0123456789a");
    refusedWith("SignatureDoesNotMatch", node.signer(wrong));
  }

  @Test
  void aSignatureScopedToAnotherRegionIsRefused() {
    AwsErrors.Refusal r = refusedWith("SignatureDoesNotMatch", signer(ALICE, "eu-west-1", Clock.systemUTC()));
    assertTrue(r.message().contains("us-east-1"), "names the region expected: " + r.message());
  }

  @Test
  void moreThanFiveMinutesOfClockSkewIsRequestExpired() {
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6));
    Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));
    refusedWith("RequestExpired", signer(ALICE, GrpcRequestView.DEFAULT_REGION, ahead));
    refusedWith("RequestExpired", signer(ALICE, GrpcRequestView.DEFAULT_REGION, behind));
    Clock slightlyAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4));
    assertEquals(ALICE_ARN, node.stsVia(signer(ALICE, GrpcRequestView.DEFAULT_REGION, slightlyAhead))
        .getCallerIdentity(WHO).getArn(), "four minutes of skew are tolerated");
  }

  @Test
  void anUnknownAccessKeyIsInvalidClientTokenId() {
    Credentials unknown = Credentials.longTerm("AKIAE2EUNKNOWNAAAAAA", ALICE.secretAccessKey());
    refusedWith("InvalidClientTokenId", node.signer(unknown));
  }

  @Test
  void anInactiveKeyIsRefusedUntilReactivated() {
    Credentials ivy = newKey("ivy");
    assertTrue(node.sts(ivy).getCallerIdentity(WHO).getArn().endsWith(":user/ivy"));
    UpdateAccessKeyRequest.Builder update = UpdateAccessKeyRequest.newBuilder().setUserName("ivy")
        .setAccessKeyId(ivy.accessKeyId());
    node.iam(node.root).updateAccessKey(update.setStatus(AccessKeyStatus.ACCESS_KEY_STATUS_INACTIVE).build());
    refusedWith("InvalidClientTokenId", node.signer(ivy));
    node.iam(node.root).updateAccessKey(update.setStatus(AccessKeyStatus.ACCESS_KEY_STATUS_ACTIVE).build());
    assertTrue(node.sts(ivy).getCallerIdentity(WHO).getArn().endsWith(":user/ivy"));
  }

  @Test
  void aDeletedKeyIsRefused() {
    Credentials dan = newKey("dan");
    assertTrue(node.sts(dan).getCallerIdentity(WHO).getArn().endsWith(":user/dan"));
    node.iam(node.root).deleteAccessKey(DeleteAccessKeyRequest.newBuilder().setUserName("dan")
        .setAccessKeyId(dan.accessKeyId()).build());
    refusedWith("InvalidClientTokenId", node.signer(dan));
  }

  @Test
  void aPayloadChangedAfterSigningIsSignatureDoesNotMatch() {
    AssumeRoleRequest request = AssumeRoleRequest.newBuilder()
        .setRoleArn("arn:aws:iam::" + PRIMARY + ":role/Deployer").setRoleSessionName("signed-a").build();
    assertTrue(node.stsVia(new ChangedAfterSigning(bytes -> bytes), node.signer(ALICE)).assumeRole(request)
        .getAssumedRoleUser().getArn().endsWith("/signed-a"), "passing the signed bytes through unchanged is accepted");

    ChangedAfterSigning otherSessionName = new ChangedAfterSigning(bytes -> {
      assertEquals('a', (char) bytes[bytes.length - 1], new String(bytes, StandardCharsets.US_ASCII));
      bytes[bytes.length - 1] = 'b';
      return bytes;
    });
    AwsErrors.Refusal r = assertAwsError("SignatureDoesNotMatch",
        () -> node.stsVia(otherSessionName, node.signer(ALICE)).assumeRole(request));
    assertEquals(Status.Code.UNAUTHENTICATED, r.status());
  }
}
