package dev.lanyard.sts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.proto.authz.v1.AuthorizerGrpc;
import dev.lanyard.proto.iam.v1.IamServiceGrpc;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.grpc.GrpcRequestView;
import dev.lanyard.sdk.signing.grpc.SigV4ClientInterceptor;
import dev.lanyard.sts.config.ConfigResolver;
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.server.LanyardServer;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Lanyard node for end-to-end tests: its own data folder, ephemeral ports on loopback, real
 * store, keys and signatures; clients over a real socket, signed with the SDK's SigV4 interceptor
 * using the node's own clock (so that a test which moves an injected clock stays within the
 * allowed skew).
 */
final class RunningServer implements AutoCloseable {
  private final LanyardServer server;
  private final Clock clock;
  private final List<ManagedChannel> channels = new ArrayList<>();
  private ManagedChannel shared;
  final Credentials root;
  final String accountId;

  private RunningServer(LanyardServer server, Clock clock, Credentials root, String accountId) {
    this.server = server;
    this.clock = clock;
    this.root = root;
    this.accountId = accountId;
  }

  static RunningServer start(Path dataDir) throws IOException {
    return start(dataDir, Map.of(), Clock.systemUTC());
  }

  static RunningServer start(Path dataDir, Map<Setting, String> extra, Clock clock) throws IOException {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    flags.put(Setting.DATA_DIR, dataDir.toString());
    flags.put(Setting.GRPC_PORT, "0");
    flags.put(Setting.HTTP_PORT, "0");
    flags.put(Setting.NODE_ID, "test-node");
    flags.putAll(extra);
    ServerConfig config = new ConfigResolver(flags, Map.of(), null).resolve();
    LanyardServer server = LanyardServer.builder(config).clock(clock).environment(Map.of()).start();
    JsonNode creds = new ObjectMapper().readTree(Files.readString(dataDir.resolve("root-credentials.json")));
    return new RunningServer(server, clock,
        Credentials.longTerm(creds.get("accessKeyId").asText(), creds.get("secretAccessKey").asText()),
        creds.get("accountId").asText());
  }

  LanyardServer server() {
    return server;
  }

  int grpcPort() {
    return server.grpcPort();
  }

  int httpPort() {
    return server.httpPort();
  }

  /** The node's data folder. */
  Path dataDir() {
    return server.config().dataDir();
  }

  /** A new channel to the node's gRPC port, closed with the node. */
  ManagedChannel channel() {
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    channels.add(ch);
    return ch;
  }

  private synchronized ManagedChannel sharedChannel() {
    if (shared == null) {
      shared = channel();
    }
    return shared;
  }

  /** The SDK's SigV4 interceptor for {@code c}, signing for the node's region with the node's clock. */
  ClientInterceptor signer(Credentials c) {
    return new SigV4ClientInterceptor(() -> c, GrpcRequestView.DEFAULT_REGION, clock);
  }

  SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub sts(Credentials c) {
    return stsVia(signer(c));
  }

  IamServiceGrpc.IamServiceBlockingStub iam(Credentials c) {
    return iamVia(signer(c));
  }

  AuthorizerGrpc.AuthorizerBlockingStub authz(Credentials c) {
    return authzVia(signer(c));
  }

  /**
   * An STS stub whose calls pass through {@code interceptors} only (none: unsigned). As in
   * grpc-java, the last interceptor sees the call first.
   */
  SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub stsVia(ClientInterceptor... interceptors) {
    return SecurityTokenServiceGrpc.newBlockingStub(sharedChannel()).withInterceptors(interceptors)
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  IamServiceGrpc.IamServiceBlockingStub iamVia(ClientInterceptor... interceptors) {
    return IamServiceGrpc.newBlockingStub(sharedChannel()).withInterceptors(interceptors)
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  AuthorizerGrpc.AuthorizerBlockingStub authzVia(ClientInterceptor... interceptors) {
    return AuthorizerGrpc.newBlockingStub(sharedChannel()).withInterceptors(interceptors)
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    for (ManagedChannel ch : channels) {
      ch.shutdownNow();
    }
    server.close();
  }
}
