package dev.lanyard.sts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.credentials.StaticCredentialsProvider;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's client with several endpoints signs each call for the node it actually goes to: its
 * shared channel and the Authorizer stub rotate over two real nodes (same bootstrap file, so alice's key is valid
 * on both) and every call is accepted. Signing for the first endpoint's host only would make every
 * call that lands on the second node fail with SignatureDoesNotMatch.
 */
class MultiEndpointClientEndToEndTest {
  @TempDir Path dir;

  @Test
  void everyEndpointAcceptsTheCallsRoutedToIt() throws Exception {
    try (RunningServer a = TwoAccountBootstrap.start(dir.resolve("a"), Clock.systemUTC());
        RunningServer b = TwoAccountBootstrap.start(dir.resolve("b"), Clock.systemUTC())) {
      LanyardClient client = LanyardClient.builder()
          .endpoints("127.0.0.1:" + a.grpcPort() + ",localhost:" + b.grpcPort())
          .tls(ClientTls.plaintextConnections())
          .credentials(new StaticCredentialsProvider(TwoAccountBootstrap.ALICE))
          .build();
      try {
        for (int i = 0; i < 6; i++) {
          assertEquals(TwoAccountBootstrap.ALICE_ARN,
              SecurityTokenServiceGrpc.newBlockingStub(client.channel())
                  .getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance()).getArn());
          assertEquals(Decision.IMPLICIT_DENY, client.authorizer().authorize(AuthorizeRequest.newBuilder()
              .setAction("s3:DeleteBucket").setResource("arn:aws:s3:::reports").build()).getDecision());
        }
      } finally {
        client.close();
      }
    }
  }
}
