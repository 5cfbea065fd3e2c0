package dev.lanyard.sts.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.proto.authz.v1.AuthorizerGrpc;
import dev.lanyard.proto.iam.v1.IamServiceGrpc;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.grpc.SigV4ClientInterceptor;
import dev.lanyard.sts.config.ConfigResolver;
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.server.LanyardServer;
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
 * store, keys and signatures; clients over a real socket, signed with the SDK's SigV4 interceptor.
 */
final class RunningServer implements AutoCloseable {
  private final LanyardServer server;
  private final List<ManagedChannel> channels = new ArrayList<>();
  final Credentials root;
  final String accountId;

  private RunningServer(LanyardServer server, Credentials root, String accountId) {
    this.server = server;
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
    return new RunningServer(server,
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

  ManagedChannel channel() {
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    channels.add(ch);
    return ch;
  }

  SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub sts(Credentials c) {
    return SecurityTokenServiceGrpc.newBlockingStub(channel())
        .withInterceptors(SigV4ClientInterceptor.create(() -> c))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  IamServiceGrpc.IamServiceBlockingStub iam(Credentials c) {
    return IamServiceGrpc.newBlockingStub(channel())
        .withInterceptors(SigV4ClientInterceptor.create(() -> c))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  AuthorizerGrpc.AuthorizerBlockingStub authz(Credentials c) {
    return AuthorizerGrpc.newBlockingStub(channel())
        .withInterceptors(SigV4ClientInterceptor.create(() -> c))
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
