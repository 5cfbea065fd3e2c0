package dev.lanyard.cli.agent;

import dev.lanyard.sdk.agent.HostAgent;
import dev.lanyard.sdk.agent.LoopbackAddress;
import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.Endpoint;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lanyard agent}: enrols this host once, keeps its instance profile role's credentials fresh
 * and serves them on loopback (IMDSv2-compatible, container endpoint, Unix socket) until SIGTERM.
 */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Run the host agent: enrol this host once with a join token, keep its instance profile role's",
      "credentials fresh, and serve them to local programs until SIGTERM: IMDSv2-compatible on",
      "--imds-address (AWS SDKs: AWS_EC2_METADATA_SERVICE_ENDPOINT=http://ADDRESS), the container",
      "endpoint GET /credentials on --container-address (AWS_CONTAINER_CREDENTIALS_FULL_URI and",
      "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE), and the Unix socket DIR/agent.sock for the Lanyard",
      "SDK (LANYARD_AGENT_SOCKET). TLS as for other commands: LANYARD_CA_FILE, LANYARD_PLAINTEXT=true."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by SIGTERM", "1:the agent could not start (see the message)", "2:bad usage"})
public final class AgentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--endpoint", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "the Lanyard server(s)")
  String endpoint;

  @Option(names = "--join-token", paramLabel = "TOKEN",
      description = "one-time join token from 'lanyard iam create-join-token --instance-profile NAME';"
          + " needed on the first start only")
  String joinToken;

  @Option(names = "--state-dir", required = true, paramLabel = "DIR",
      description = "keeps the host key (0600), instance.json and agent.sock; created 0700")
  Path stateDir;

  @Option(names = "--imds-address", required = true, paramLabel = "127.0.0.1:PORT",
      description = "loopback address of the IMDSv2-compatible endpoint")
  String imdsAddress;

  @Option(names = "--container-address", required = true, paramLabel = "127.0.0.1:PORT",
      description = "loopback address of the container-credentials endpoint")
  String containerAddress;

  @Option(names = "--container-token-file", required = true, paramLabel = "FILE",
      description = "the container endpoint's Authorization token; created 0600 with a random token when absent")
  Path containerTokenFile;

  @Option(names = "--plaintext", description = "connect to the server without TLS; default LANYARD_PLAINTEXT=true")
  boolean plaintext;

  @Option(names = "--ca-file", paramLabel = "PEM", description = "trust these CA certificates; default LANYARD_CA_FILE")
  Path caFile;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    HostAgent.Builder builder;
    try {
      builder = HostAgent.builder()
          .endpoints(Endpoint.parseList(endpoint))
          .tls(tls())
          .joinToken(joinToken)
          .stateDir(stateDir)
          .imdsAddress(LoopbackAddress.parse(imdsAddress, "--imds-address"))
          .containerAddress(LoopbackAddress.parse(containerAddress, "--container-address"))
          .containerTokenFile(containerTokenFile)
          .hostname(hostname());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    HostAgent agent;
    try {
      agent = builder.start();
    } catch (RuntimeException e) {
      err.println("lanyard agent: cannot start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      agent.close();
      stopped.countDown();
    }, "lanyard-agent-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("{\"instanceId\":\"" + agent.instanceId() + "\",\"imds\":\"http://" + address(agent.imdsAddress())
        + "\",\"container\":\"http://" + address(agent.containerAddress()) + "/credentials\",\"socket\":\""
        + agent.socketPath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      agent.close();
    }
    return 0;
  }

  private ClientTls tls() {
    String env = System.getenv("LANYARD_PLAINTEXT");
    if (plaintext || "true".equalsIgnoreCase(env == null ? "" : env.strip())) {
      return ClientTls.plaintextConnections();
    }
    Path trust = caFile;
    String caEnv = System.getenv("LANYARD_CA_FILE");
    if (trust == null && caEnv != null && !caEnv.isBlank()) {
      trust = Path.of(caEnv.strip());
    }
    return trust == null ? ClientTls.systemTrust() : ClientTls.trusting(trust);
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "";
    }
  }

  private static String address(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }
}
