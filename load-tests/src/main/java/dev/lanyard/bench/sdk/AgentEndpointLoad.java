package dev.lanyard.bench.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.proto.iam.v1.AddRoleToInstanceProfileRequest;
import dev.lanyard.proto.iam.v1.CreateInstanceProfileRequest;
import dev.lanyard.proto.iam.v1.CreateJoinTokenRequest;
import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.IamServiceGrpc;
import dev.lanyard.sdk.agent.HostAgent;
import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.Endpoint;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.grpc.SigV4ClientInterceptor;
import dev.lanyard.sts.config.ConfigResolver;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.server.LanyardServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * Throughput of the host agent's IMDS credential endpoint on loopback (issue 5 target: at least
 * 10,000 requests per second). Starts a real node, an instance profile, a join token and a real
 * {@link HostAgent}; then a closed loop: {@code threads} workers, each with its own HTTP/1.1
 * client (kept-alive connection), GET {@code /latest/meta-data/iam/security-credentials/<role>}
 * with an IMDSv2 token, as fast as answers come, for the warm-up and then the measured seconds.
 * Every answer must be 200; prints requests per second and latency percentiles.
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -cp load-tests/target/benchmarks.jar dev.lanyard.bench.sdk.AgentEndpointLoad [threads] [seconds] [warmupSeconds]
 * }</pre>
 *
 * <p>With {@code serve SECONDS} it only sets up node and agent, prints the credentials URL and an
 * IMDSv2 token, and keeps them up that long, for an external load generator such as {@code wrk}:
 *
 * <pre>{@code
 * wrk -t2 -c8 -d10s -H "X-aws-ec2-metadata-token: TOKEN" URL
 * }</pre>
 */
public final class AgentEndpointLoad {
  private static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final String ROLE = "bench-web";

  /** The figures of one run. */
  record Result(int threads, double seconds, long requests, long failures, double p50Micros, double p99Micros) {
    double requestsPerSecond() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format("threads=%d seconds=%.1f requests=%d failures=%d throughput=%.0f req/s p50=%.0f us p99=%.0f us",
          threads, seconds, requests, failures, requestsPerSecond(), p50Micros, p99Micros);
    }
  }

  private AgentEndpointLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("serve")) {
      long seconds = Long.parseLong(args[1]);
      withAgent(imds -> {
        String[] target = credentialsRequest(imds);
        System.out.println("URL " + target[0]);
        System.out.println("TOKEN " + target[1]);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        return null;
      });
      return;
    }
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    System.out.println(run(threads, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds)));
  }

  /** Sets up node and agent in a temporary folder, drives the endpoint, tears everything down. */
  static Result run(int threads, Duration warmup, Duration measure) throws Exception {
    return withAgent(imds -> drive(imds, threads, warmup, measure));
  }

  /** What runs while the agent serves at the IMDS base URL it is given. */
  private interface AgentUse<T> {
    T apply(String imdsBaseUrl) throws Exception;
  }

  private static <T> T withAgent(AgentUse<T> use) throws Exception {
    Path dir = Files.createTempDirectory("lanyard-bench-agent");
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    flags.put(Setting.DATA_DIR, dir.resolve("node").toString());
    flags.put(Setting.GRPC_PORT, "0");
    flags.put(Setting.HTTP_PORT, "0");
    flags.put(Setting.NODE_ID, "bench-node");
    flags.put(Setting.AUDIT_LOG, dir.resolve("audit.log").toString());
    try (LanyardServer node = LanyardServer.builder(new ConfigResolver(flags, Map.of(), null).resolve())
        .environment(Map.of()).start()) {
      String joinToken = prepareInstanceProfile(node, dir.resolve("node"));
      InetAddress loopback = InetAddress.getLoopbackAddress();
      try (HostAgent agent = HostAgent.builder()
          .endpoints(List.of(new Endpoint("127.0.0.1", node.grpcPort())))
          .tls(ClientTls.plaintextConnections())
          .joinToken(joinToken)
          .stateDir(dir.resolve("agent"))
          .imdsAddress(new InetSocketAddress(loopback, 0))
          .containerAddress(new InetSocketAddress(loopback, 0))
          .containerTokenFile(dir.resolve("container-token"))
          .start()) {
        return use.apply("http://127.0.0.1:" + agent.imdsAddress().getPort());
      }
    }
  }

  private static String prepareInstanceProfile(LanyardServer node, Path dataDir) throws Exception {
    JsonNode creds = new ObjectMapper().readTree(Files.readString(dataDir.resolve("root-credentials.json")));
    Credentials root = Credentials.longTerm(creds.get("accessKeyId").asText(), creds.get("secretAccessKey").asText());
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
    try {
      IamServiceGrpc.IamServiceBlockingStub iam = IamServiceGrpc.newBlockingStub(channel)
          .withInterceptors(SigV4ClientInterceptor.create(() -> root));
      iam.withDeadlineAfter(30, TimeUnit.SECONDS).createRole(CreateRoleRequest.newBuilder()
          .setRoleName(ROLE).setAssumeRolePolicyDocument(EC2_TRUST).build());
      iam.withDeadlineAfter(30, TimeUnit.SECONDS).createInstanceProfile(
          CreateInstanceProfileRequest.newBuilder().setInstanceProfileName(ROLE).build());
      iam.withDeadlineAfter(30, TimeUnit.SECONDS).addRoleToInstanceProfile(AddRoleToInstanceProfileRequest.newBuilder()
          .setInstanceProfileName(ROLE).setRoleName(ROLE).build());
      return iam.withDeadlineAfter(30, TimeUnit.SECONDS).createJoinToken(CreateJoinTokenRequest.newBuilder()
          .setInstanceProfileName(ROLE).build()).getJoinToken();
    } finally {
      channel.shutdownNow();
    }
  }

  /** The credentials URL and an IMDSv2 token for it, checked once: the agent serves credentials. */
  private static String[] credentialsRequest(String imds) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String token = client.send(HttpRequest.newBuilder(URI.create(imds + "/latest/api/token"))
        .PUT(HttpRequest.BodyPublishers.noBody()).header("X-aws-ec2-metadata-token-ttl-seconds", "21600").build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String url = imds + "/latest/meta-data/iam/security-credentials/" + ROLE;
    HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(url))
        .header("X-aws-ec2-metadata-token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (first.statusCode() != 200 || !first.body().contains("\"AccessKeyId\"")) {
      throw new IllegalStateException("the agent does not serve credentials: HTTP " + first.statusCode());
    }
    return new String[] {url, token};
  }

  private static Result drive(String imds, int threads, Duration warmup, Duration measure) throws Exception {
    String[] target = credentialsRequest(imds);
    HttpRequest get = HttpRequest.newBuilder(URI.create(target[0]))
        .header("X-aws-ec2-metadata-token", target[1]).timeout(Duration.ofSeconds(5)).GET().build();

    LongAdder requests = new LongAdder();
    LongAdder failures = new LongAdder();
    Recorder latencies = new Recorder(3);
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread worker = new Thread(() -> {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long now = System.nanoTime();
        while (now < end) {
          long sent = now;
          boolean ok;
          try {
            HttpResponse<byte[]> r = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
            ok = r.statusCode() == 200;
          } catch (Exception e) {
            ok = false;
          }
          now = System.nanoTime();
          if (sent >= measureFrom && now <= end) {
            requests.increment();
            if (!ok) {
              failures.increment();
            }
            latencies.recordValue(Math.max(1, (now - sent) / 1_000));
          }
        }
      }, "agent-load-" + i);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    var histogram = latencies.getIntervalHistogram();
    return new Result(threads, measure.toNanos() / 1e9, requests.sum(), failures.sum(),
        histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99));
  }
}
