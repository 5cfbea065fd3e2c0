package dev.lanyard.policy.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.policy.eval.DecidingStatement;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.PolicyKind;
import dev.lanyard.policy.simulate.DecisionJson;
import dev.lanyard.policy.simulate.Scenario;
import dev.lanyard.policy.simulate.ScenarioReader;
import dev.lanyard.policy.simulate.Simulator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the data-driven cases in {@code src/test/resources/cases/*.json}: each file is an array of
 * {@code {"name", "scenario", "expect": {"decision", "statements"?, "missingAllow"?}}}; each case
 * is one dynamic test through {@link ScenarioReader}, {@link Simulator} and {@link DecisionJson}.
 * Expected decisions come from the AWS documentation, not from this engine.
 */
class PolicyCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, PolicyKind> KINDS = Map.of(
      "identity", PolicyKind.IDENTITY_POLICY,
      "boundary", PolicyKind.PERMISSIONS_BOUNDARY,
      "session", PolicyKind.SESSION_POLICY,
      "resource", PolicyKind.RESOURCE_POLICY,
      "scp", PolicyKind.SERVICE_CONTROL_POLICY,
      "rcp", PolicyKind.RESOURCE_CONTROL_POLICY);

  private final ScenarioReader reader = new ScenarioReader();
  private final Simulator simulator = new Simulator();

  @TestFactory
  Stream<DynamicNode> cases() throws IOException {
    List<DynamicNode> files = new ArrayList<>();
    for (Path file : caseFiles()) {
      JsonNode cases = JSON.readTree(file.toFile());
      List<DynamicNode> tests = new ArrayList<>();
      for (JsonNode c : cases) {
        tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> run(c)));
      }
      files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
    }
    return files.stream();
  }

  @Test
  void corpusHasAtLeast300UniquelyNamedCases() throws IOException {
    int total = 0;
    for (Path file : caseFiles()) {
      Set<String> names = new HashSet<>();
      for (JsonNode c : JSON.readTree(file.toFile())) {
        assertTrue(names.add(c.get("name").asText()), file.getFileName() + ": duplicate case name " + c.get("name"));
        total++;
      }
    }
    assertTrue(total >= 300, "only " + total + " cases; issue 2 asks for at least 300");
  }

  private void run(JsonNode c) throws Exception {
    Scenario scenario = reader.read(c.get("scenario"));
    Decision decision = simulator.simulate(scenario);
    JsonNode expect = c.get("expect");
    String line = DecisionJson.line(decision);
    JsonNode printed = JSON.readTree(line);
    assertEquals(expect.get("decision").asText(), printed.get("decision").asText(), () -> "decision; got " + line);
    if (expect.has("statements")) {
      assertEquals(expected(expect.get("statements")), actual(decision.statements(), expect.get("statements")),
          () -> "deciding statements; got " + line);
    }
    if (expect.has("missingAllow")) {
      PolicyKind kind = KINDS.get(expect.get("missingAllow").asText());
      assertEquals(kind, decision.missingAllow(), () -> "policy kind lacking an allow; got " + line);
    }
  }

  /** Expected statements as "policy#index[#sid]" strings, sorted. */
  private static List<String> expected(JsonNode statements) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : statements) {
      String key = s.get("policy").asText() + "#" + s.get("statement").asInt();
      out.add(s.has("sid") ? key + "#" + s.get("sid").asText() : key);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** Actual statements in the same shape; the Sid is compared where the case names one. */
  private static List<String> actual(List<DecidingStatement> statements, JsonNode expectedStatements) {
    Set<String> withSid = new HashSet<>();
    for (JsonNode s : expectedStatements) {
      if (s.has("sid")) {
        withSid.add(s.get("policy").asText() + "#" + s.get("statement").asInt());
      }
    }
    List<String> out = new ArrayList<>();
    for (DecidingStatement s : statements) {
      String key = s.policy() + "#" + s.statement();
      out.add(withSid.contains(key) ? key + "#" + s.sid() : key);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static List<Path> caseFiles() throws IOException {
    URL url = PolicyCasesTest.class.getResource("/cases");
    if (url == null) {
      throw new IOException("no cases directory on the test class path");
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
