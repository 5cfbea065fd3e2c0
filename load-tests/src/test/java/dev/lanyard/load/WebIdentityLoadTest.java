package dev.lanyard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.sts.config.ConfigResolver;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.server.LanyardServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web-identity scenario end to end, in process: {@code --init-idp}, a real node on loopback
 * (embedded H2 in a temporary folder) trusting the IdP only through {@code --oidc-ca-file}, then
 * {@code --setup} and a short closed-loop run that must exchange tokens without a single error.
 */
class WebIdentityLoadTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private int generator(String... args) throws InterruptedException {
    return LoadGenerator.run(args, out, err);
  }

  private String printed() {
    return outBytes.toString(StandardCharsets.UTF_8) + errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  @Timeout(60)
  void aClosedLoopWebIdentityRunAgainstARealNodeHasCallsAndNoErrors() throws Exception {
    Path idp = dir.resolve("idp");
    assertEquals(0, generator("--init-idp", idp.toString()), printed());
    Path caFile = idp.resolve("idp-ca.pem").toAbsolutePath();
    assertEquals(caFile.toString(), outBytes.toString(StandardCharsets.UTF_8).strip());

    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    flags.put(Setting.DATA_DIR, dir.resolve("node").toString());
    flags.put(Setting.GRPC_PORT, "0");
    flags.put(Setting.HTTP_PORT, "0");
    flags.put(Setting.NODE_ID, "load-test-node");
    flags.put(Setting.OIDC_CA_FILE, caFile.toString());
    try (LanyardServer node = LanyardServer.builder(new ConfigResolver(flags, Map.of(), null).resolve())
        .environment(Map.of()).start()) {
      Path report = dir.resolve("report.json");
      int status = generator("--setup", "--credentials", dir.resolve("node/root-credentials.json").toString(),
          "--targets", "127.0.0.1:" + node.grpcPort(), "--scenario", "web-identity", "--concurrency", "2",
          "--warmup", "1s", "--duration", "2s", "--idp-dir", idp.toString(), "--idp-port", "0",
          "--json", report.toString());
      assertEquals(0, status, printed());

      JsonNode r = new ObjectMapper().readTree(report.toFile());
      assertEquals("web-identity", r.get("scenario").asText());
      assertTrue(r.get("okCalls").asLong() > 0, printed());
      assertEquals(0, r.get("failedCalls").asLong(), printed());
      assertTrue(r.get("errorsByCode").isEmpty(), printed());
      assertTrue(printed().contains("role arn:aws:iam::" + node.primaryAccountId() + ":role/"
          + WebIdentitySetup.ROLE), printed());
      assertTrue(printed().contains("accepts the web identity token"), printed());
    }
  }

  @Test
  @Timeout(60)
  void aNodeThatDoesNotTrustTheIdpIsReportedWithTheFlagThatFixesIt() throws Exception {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    flags.put(Setting.DATA_DIR, dir.resolve("node").toString());
    flags.put(Setting.GRPC_PORT, "0");
    flags.put(Setting.HTTP_PORT, "0");
    flags.put(Setting.NODE_ID, "load-test-node");
    try (LanyardServer node = LanyardServer.builder(new ConfigResolver(flags, Map.of(), null).resolve())
        .environment(Map.of()).start()) {
      int status = generator("--setup", "--credentials", dir.resolve("node/root-credentials.json").toString(),
          "--targets", "127.0.0.1:" + node.grpcPort(), "--scenario", "web-identity", "--duration", "1s",
          "--idp-dir", dir.resolve("idp").toString(), "--idp-port", "0");
      assertEquals(1, status, printed());
      assertTrue(printed().contains("IDPCommunicationError"), printed());
      assertTrue(printed().contains("--oidc-ca-file " + dir.resolve("idp").resolve("idp-ca.pem")), printed());
    }
  }
}
