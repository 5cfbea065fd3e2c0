package dev.lanyard.sts.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.proto.authz.v1.AuthorizerGrpc;
import dev.lanyard.proto.iam.v1.CreateAccessKeyRequest;
import dev.lanyard.proto.iam.v1.CreatePolicyRequest;
import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.CreateUserRequest;
import dev.lanyard.proto.iam.v1.IamServiceGrpc;
import dev.lanyard.proto.iam.v1.PutRolePolicyRequest;
import dev.lanyard.proto.iam.v1.PutUserPolicyRequest;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.grpc.SigV4ClientInterceptor;
import dev.lanyard.sts.config.ConfigResolver;
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.server.LanyardServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.scheme.StsAuthSchemeProvider;

/**
 * A real Lanyard node for the Query API tests: its own data folder, ephemeral loopback ports, a
 * clock the test moves. AWS SDK {@link StsClient}s point at its HTTP port by endpoint override and
 * sign with the node's clock; the IAM and Authorizer gRPC APIs (signed as the account root) set up
 * users, roles and policies and observe sessions.
 */
final class QueryTestNode implements AutoCloseable {
  static final String REGION = "us-east-1";

  final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(500));
  final LanyardServer server;
  final String accountId;
  final AwsBasicCredentials root;
  private final ManagedChannel channel;
  private final List<AutoCloseable> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

  QueryTestNode(Path dataDir) throws IOException {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    flags.put(Setting.DATA_DIR, dataDir.toString());
    flags.put(Setting.GRPC_PORT, "0");
    flags.put(Setting.HTTP_PORT, "0");
    flags.put(Setting.NODE_ID, "query-test-node");
    ServerConfig config = new ConfigResolver(flags, Map.of(), null).resolve();
    server = LanyardServer.builder(config).clock(clock).environment(Map.of()).start();
    JsonNode creds = new ObjectMapper().readTree(Files.readString(dataDir.resolve("root-credentials.json")));
    root = AwsBasicCredentials.create(creds.get("accessKeyId").asText(), creds.get("secretAccessKey").asText());
    accountId = creds.get("accountId").asText();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.httpPort());
  }

  /** An AWS SDK STS client for {@code credentials}, signing for us-east-1 with the node's clock, no retries. */
  StsClient sts(AwsCredentials credentials) {
    return sts(credentials, REGION);
  }

  /** As {@link #sts(AwsCredentials)}, signing for {@code region}. */
  StsClient sts(AwsCredentials credentials, String region) {
    StsAuthSchemeProvider defaults = StsAuthSchemeProvider.defaultProvider();
    StsClient client = StsClient.builder()
        .endpointOverride(endpoint())
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .authSchemeProvider(params -> defaults.resolveAuthScheme(params).stream()
            .map(o -> o.toBuilder().putSignerProperty(HttpSigner.SIGNING_CLOCK, clock).build())
            .toList())
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
        .build();
    clients.add(client);
    return client;
  }

  private Credentials lanyard(AwsCredentials c) {
    return c instanceof AwsSessionCredentials s
        ? Credentials.session(s.accessKeyId(), s.secretAccessKey(), s.sessionToken(), clock.instant().plusSeconds(3600))
        : Credentials.longTerm(c.accessKeyId(), c.secretAccessKey());
  }

  /** The IAM API, signed as the account root with the node's clock. */
  IamServiceGrpc.IamServiceBlockingStub iam() {
    return IamServiceGrpc.newBlockingStub(channel)
        .withInterceptors(new SigV4ClientInterceptor(() -> lanyard(root), REGION, clock))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** The Authorizer, signed with {@code credentials}. */
  AuthorizerGrpc.AuthorizerBlockingStub authz(AwsCredentials credentials) {
    return AuthorizerGrpc.newBlockingStub(channel)
        .withInterceptors(new SigV4ClientInterceptor(() -> lanyard(credentials), REGION, clock))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** A user with an inline policy (null for none) and a fresh access key. */
  AwsBasicCredentials user(String name, String policy) {
    iam().createUser(CreateUserRequest.newBuilder().setUserName(name).build());
    if (policy != null) {
      iam().putUserPolicy(PutUserPolicyRequest.newBuilder().setUserName(name).setPolicyName("inline")
          .setPolicyDocument(policy).build());
    }
    var key = iam().createAccessKey(CreateAccessKeyRequest.newBuilder().setUserName(name).build()).getAccessKey();
    return AwsBasicCredentials.create(key.getAccessKeyId(), key.getSecretAccessKey());
  }

  /** A role with a trust policy and an inline permissions policy (null for none); its ARN. */
  String role(String name, String trust, String policy) {
    String arn = iam().createRole(CreateRoleRequest.newBuilder().setRoleName(name)
        .setAssumeRolePolicyDocument(trust).build()).getRole().getArn();
    if (policy != null) {
      iam().putRolePolicy(PutRolePolicyRequest.newBuilder().setRoleName(name).setPolicyName("inline")
          .setPolicyDocument(policy).build());
    }
    return arn;
  }

  /** A customer managed policy; its ARN. */
  String managedPolicy(String name, String document) {
    return iam().createPolicy(CreatePolicyRequest.newBuilder().setPolicyName(name).setPolicyDocument(document)
        .build()).getPolicy().getArn();
  }

  String userArn(String name) {
    return "arn:aws:iam::" + accountId + ":user/" + name;
  }

  @Override
  public void close() {
    for (AutoCloseable c : clients) {
      try {
        c.close();
      } catch (Exception e) {
        // closing a test client; nothing to report
      }
    }
    channel.shutdownNow();
    server.close();
  }
}
