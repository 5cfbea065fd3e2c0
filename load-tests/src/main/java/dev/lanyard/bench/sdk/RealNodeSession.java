package dev.lanyard.bench.sdk;

import dev.lanyard.proto.common.v1.Tag;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.grpc.SigV4ClientInterceptor;
import dev.lanyard.sdk.verify.SessionTokenRejectedException;
import dev.lanyard.sdk.verify.SessionTokenVerifier;
import dev.lanyard.sdk.verify.VerifiedSessionToken;
import dev.lanyard.sts.config.ConfigResolver;
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.server.LanyardServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A session token from a real node: a node started in a temporary folder with a small bootstrap
 * file, one AssumeRole over gRPC (with session tags and an inline session policy, as a realistic
 * token carries), and a verifier that has fetched the node's JWKS. The node is stopped before this
 * returns: from then on the verifier works offline.
 *
 * @param issuer the node's issuer URL
 * @param token the session token
 * @param verifier a verifier of the node's tokens whose key set is cached
 * @param expected what the verifier made of the token once
 */
record RealNodeSession(String issuer, String token, SessionTokenVerifier verifier,
    VerifiedSessionToken expected) {

  static final String ACCOUNT = "111122223333";
  static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/BenchReader";
  static final String SESSION_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
          + "\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::bench-data\",\"arn:aws:s3:::bench-data/*\"]}]}";
  private static final Credentials USER =
      Credentials.longTerm("AKIABENCHUSERKEYAAAA", "benchsecretaccesskey0123456789abcdefghij");
  private static final String BOOTSTRAP = """
      accounts:
        - id: "%1$s"
          alias: bench
          users:
            - name: bench
              inlinePolicies:
                AssumeBenchRoles:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: ["sts:AssumeRole", "sts:TagSession"]
                      Resource: "arn:aws:iam::%1$s:role/*"
              accessKeys:
                - accessKeyId: %2$s
                  secretAccessKey: %3$s
          roles:
            - name: BenchReader
              maxSessionDuration: 43200
              trustPolicy:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {AWS: "arn:aws:iam::%1$s:user/bench"}
                    Action: ["sts:AssumeRole", "sts:TagSession"]
      """.formatted(ACCOUNT, USER.accessKeyId(), USER.secretAccessKey());

  /** Starts a node signing with {@code algorithm} ("Ed25519" or "ES256"), mints and checks a token. */
  static RealNodeSession mint(String algorithm) {
    Path dir;
    try {
      dir = Files.createTempDirectory("lanyard-bench-sdk");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.writeString(dir.resolve("bootstrap.yaml"), BOOTSTRAP);
      Map<Setting, String> flags = new EnumMap<>(Setting.class);
      flags.put(Setting.DATA_DIR, dir.resolve("data").toString());
      flags.put(Setting.GRPC_PORT, "0");
      flags.put(Setting.HTTP_PORT, "0");
      flags.put(Setting.NODE_ID, "bench-node");
      flags.put(Setting.SIGNING_ALGORITHM, algorithm);
      flags.put(Setting.BOOTSTRAP, dir.resolve("bootstrap.yaml").toString());
      flags.put(Setting.AUDIT_LOG, dir.resolve("audit.log").toString());
      ServerConfig config = new ConfigResolver(flags, Map.of(), null).resolve();
      try (LanyardServer node = LanyardServer.builder(config).environment(Map.of()).start()) {
        String token = assumeRole(node.grpcPort());
        // The issuer is the node's URL only once its port is known: ask for the keys at the real port.
        String issuer = config.issuer();
        SessionTokenVerifier verifier = SessionTokenVerifier.builder(
                URI.create("http://127.0.0.1:" + node.httpPort() + SessionTokenVerifier.JWKS_PATH), issuer)
            .maxKeyAge(Duration.ofDays(1))
            .build();
        VerifiedSessionToken verified = verifier.verify(token);
        if (!verified.roleArn().orElse("").equals(ROLE_ARN) || verified.tags().size() != 2
            || verified.sessionPolicy().isEmpty()) {
          throw new IllegalStateException("the node's token does not carry the role, tags and policy asked for");
        }
        return new RealNodeSession(issuer, token, verifier, verified);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SessionTokenRejectedException e) {
      throw new IllegalStateException("the node's own token was refused: " + e.getMessage(), e);
    } finally {
      deleteTree(dir);
    }
  }

  private static String assumeRole(int grpcPort) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    try {
      return SecurityTokenServiceGrpc.newBlockingStub(channel)
          .withInterceptors(SigV4ClientInterceptor.create(() -> USER))
          .withDeadlineAfter(30, TimeUnit.SECONDS)
          .assumeRole(AssumeRoleRequest.newBuilder()
              .setRoleArn(ROLE_ARN)
              .setRoleSessionName("bench-session")
              .setPolicy(SESSION_POLICY)
              .addTags(Tag.newBuilder().setKey("Project").setValue("bench"))
              .addTags(Tag.newBuilder().setKey("CostCenter").setValue("cc-1234"))
              .addTransitiveTagKeys("Project")
              .build())
          .getCredentials().getSessionToken();
    } finally {
      channel.shutdownNow();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  /** Names the issuer only: the token is a credential. */
  @Override
  public String toString() {
    return "RealNodeSession[issuer=" + issuer + "]";
  }
}
