package dev.lanyard.sts.e2e;

import static dev.lanyard.sts.e2e.AwsErrors.assertAwsError;
import static dev.lanyard.sts.e2e.Sessions.assume;
import static dev.lanyard.sts.e2e.Sessions.roleArn;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.ALICE;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.ALICE_ARN;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.PARTNER;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.PRIMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityResponse;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub;
import dev.lanyard.sdk.credentials.Credentials;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Any SigV4 library can sign for Lanyard: calls signed by the AWS SDK for Java v2's own
 * {@code AwsV4HttpSigner} (not Lanyard's signer) are accepted over a real socket.
 */
class AwsSdkSignerInteropTest {
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

  private static SecurityTokenServiceBlockingStub awsSigned(AwsCredentialsIdentity identity) {
    return node.stsVia(new AwsSdkSigningInterceptor(identity, "us-east-1"));
  }

  private static AwsCredentialsIdentity longTerm(Credentials c) {
    return AwsCredentialsIdentity.create(c.accessKeyId(), c.secretAccessKey());
  }

  @Test
  void getCallerIdentitySignedByTheAwsSdkWithALongTermKeyIsAccepted() {
    GetCallerIdentityResponse id = awsSigned(longTerm(ALICE)).getCallerIdentity(WHO);
    assertEquals(ALICE_ARN, id.getArn());
    assertEquals(PRIMARY, id.getAccount());
  }

  @Test
  void aCallWithAPayloadSignedByTheAwsSdkIsAcceptedAndItsSessionCredentialsSignToo() {
    AssumeRoleResponse r = awsSigned(longTerm(ALICE))
        .assumeRole(assume(roleArn(PARTNER, "TrustsAlice"), "aws-sdk-signed").build());
    AwsSessionCredentialsIdentity session = AwsSessionCredentialsIdentity.create(
        r.getCredentials().getAccessKeyId(), r.getCredentials().getSecretAccessKey(),
        r.getCredentials().getSessionToken());

    GetCallerIdentityResponse id = awsSigned(session).getCallerIdentity(WHO);
    assertEquals("arn:aws:sts::" + PARTNER + ":assumed-role/TrustsAlice/aws-sdk-signed", id.getArn());
    assertEquals(PARTNER, id.getAccount());
  }

  @Test
  void theServerStillVerifiesWhatTheAwsSdkSigned() {
    AwsCredentialsIdentity wrongSecret =
        AwsCredentialsIdentity.create(ALICE.accessKeyId(), "not-alices-secret-access-key-0123456789a");
    assertAwsError("SignatureDoesNotMatch", () -> awsSigned(wrongSecret).getCallerIdentity(WHO));
    assertAwsError("SignatureDoesNotMatch", () -> node.stsVia(
        new AwsSdkSigningInterceptor(longTerm(ALICE), "eu-west-1")).getCallerIdentity(WHO));
  }
}
