package dev.lanyard.sts.cluster;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real Lanyard node in this JVM on a shared store: its own ports, data folder and caches, the
 * cluster's key-encryption key. One channel, reused by every stub.
 */
final class ClusterNode implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final LanyardServer server;
  private volatile ManagedChannel channel;

  private ClusterNode(String name, LanyardServer server) {
    this.name = name;
    this.server = server;
  }

  /** Starts a node on {@code storeUrl}; returns when serving, or not-ready if the store is unreachable. */
  static ClusterNode start(String name, String storeUrl, Path dir, Path kekFile) throws IOException {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    flags.put(Setting.DATA_DIR, dir.resolve(name).toString());
    flags.put(Setting.GRPC_PORT, "0");
    flags.put(Setting.HTTP_PORT, "0");
    flags.put(Setting.NODE_ID, name);
    flags.put(Setting.STORE, storeUrl);
    flags.put(Setting.KEK_FILE, kekFile.toString());
    flags.put(Setting.AUDIT_LOG, dir.resolve(name + "-audit.log").toString());
    flags.put(Setting.ISSUER, "https://sts.cluster.test");
    ServerConfig config = new ConfigResolver(flags, Map.of(), null).resolve();
    return new ClusterNode(name, LanyardServer.builder(config).clock(Clock.systemUTC())
        .environment(Map.of()).start());
  }

  /** The root credentials the first node of a store wrote into its data folder. */
  static Credentials rootCredentials(Path dir, String firstNode) throws IOException {
    JsonNode creds = new ObjectMapper().readTree(
        Files.readString(dir.resolve(firstNode).resolve("root-credentials.json")));
    return Credentials.longTerm(creds.get("accessKeyId").asText(), creds.get("secretAccessKey").asText());
  }

  ManagedChannel channel() {
    if (channel == null) {
      synchronized (this) {
        if (channel == null) {
          channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        }
      }
    }
    return channel;
  }

  SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub sts(Credentials c) {
    return SecurityTokenServiceGrpc.newBlockingStub(channel())
        .withInterceptors(SigV4ClientInterceptor.create(() -> c))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  IamServiceGrpc.IamServiceBlockingStub iam(Credentials c) {
    return IamServiceGrpc.newBlockingStub(channel())
        .withInterceptors(SigV4ClientInterceptor.create(() -> c))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  AuthorizerGrpc.AuthorizerBlockingStub authz(Credentials c) {
    return AuthorizerGrpc.newBlockingStub(channel())
        .withInterceptors(SigV4ClientInterceptor.create(() -> c))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.shutdownNow();
    }
    server.close();
  }
}
