package dev.lanyard.policy.compile;

import static dev.lanyard.policy.compile.TestPolicies.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.policy.model.Effect;
import dev.lanyard.policy.parse.PolicyParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compiles every AWS managed policy and checks a few decisions of well-known ones. */
class ManagedPoliciesTest {

  private static final Path DATA = Path.of("..", "..", "shared", "data", "aws-managed-policies.jsonl.gz");
  private static final Map<String, CompiledPolicy> POLICIES = new HashMap<>();

  @BeforeAll
  static void compileAll() throws Exception {
    Assumptions.assumeTrue(Files.exists(DATA), "managed policy data not present at " + DATA.toAbsolutePath());
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(DATA)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode node = json.readTree(line);
        String name = node.get("name").asText();
        String arn = "arn:aws:iam::aws:policy/" + name;
        POLICIES.put(name, PolicyCompiler.compile(PolicyParser.parse(node.get("document").toString()), arn));
      }
    }
  }

  @Test
  void everyPolicyCompiles() {
    assertEquals(1523, POLICIES.size());
  }

  @Test
  void readOnlyAccessAllowsReadsOnly() {
    CompiledPolicy p = POLICIES.get("ReadOnlyAccess");
    assertNotNull(p.firstMatch(Effect.ALLOW, request("s3:GetObject", "arn:aws:s3:::b/k"), false));
    assertNotNull(p.firstMatch(Effect.ALLOW, request("EC2:DescribeInstances", "*"), false));
    assertNotNull(p.firstMatch(Effect.ALLOW, request("iam:ListRoles", "*"), false));
    assertNull(p.firstMatch(Effect.ALLOW, request("s3:PutObject", "arn:aws:s3:::b/k"), false));
    assertNull(p.firstMatch(Effect.ALLOW, request("iam:CreateUser", "*"), false));
  }

  @Test
  void powerUserAccessExcludesIam() {
    CompiledPolicy p = POLICIES.get("PowerUserAccess");
    assertNotNull(p.firstMatch(Effect.ALLOW, request("s3:PutObject", "arn:aws:s3:::b/k"), false));
    assertNull(p.firstMatch(Effect.ALLOW, request("iam:CreateUser", "*"), false));
    assertNotNull(p.firstMatch(Effect.ALLOW, request("iam:CreateServiceLinkedRole", "*"), false));
  }

  @Test
  void administratorAccessAllowsEverything() {
    assertNotNull(POLICIES.get("AdministratorAccess")
        .firstMatch(Effect.ALLOW, request("anything:AtAll", "arn:aws:x:::y"), false));
  }
}
