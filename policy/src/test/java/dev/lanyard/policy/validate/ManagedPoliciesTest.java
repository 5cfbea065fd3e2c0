package dev.lanyard.policy.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lanyard.policy.parse.PolicyParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every AWS managed policy parses and validates as an identity policy with no error: AWS accepted
 * these documents, so a rule that refuses one is wrong. The size limit is lifted because AWS
 * managed policies are not bound by the customer managed policy quota (ReadOnlyAccess alone is
 * over 80,000 characters); the size rule is tested in {@link PolicyValidatorTest}.
 */
class ManagedPoliciesTest {
  private static final String FILE = "aws-managed-policies.jsonl.gz";
  private static final int EXPECTED_POLICIES = 1_523;

  /** One line of the data file: the policy's name and its document's exact text. */
  private record ManagedPolicy(String name, String document) {}

  @Test
  void everyManagedPolicyIsAValidIdentityPolicy() throws IOException {
    List<ManagedPolicy> policies = load(dataFile());
    assertEquals(EXPECTED_POLICIES, policies.size());
    List<String> failures = new ArrayList<>();
    int overManagedLimit = 0;
    for (ManagedPolicy p : policies) {
      ValidationReport report = PolicyValidator.validate(p.document(), PolicyType.IDENTITY, Integer.MAX_VALUE);
      report.findings().stream()
          .filter(f -> f.severity() == Severity.ERROR)
          .limit(3)
          .forEach(f -> failures.add(p.name() + ": " + f));
      if (PolicySizes.sizeWithoutWhitespace(p.document()) > PolicySizes.MANAGED) {
        overManagedLimit++;
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(overManagedLimit > 0, "some AWS managed policies exceed the customer limit");
  }

  @Test
  void managedPoliciesAlsoParseWhenGivenAsJsonStrings() throws Exception {
    List<ManagedPolicy> policies = load(dataFile());
    for (ManagedPolicy p : policies.subList(0, 50)) {
      String wrapped = "\"" + p.document().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      assertEquals(PolicyParser.parse(p.document()), PolicyParser.parse(wrapped), p.name());
    }
  }

  private static Path dataFile() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("LANYARD_TEST_DATA");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env, FILE));
    }
    candidates.add(Path.of("..", "shared", "data", FILE));
    candidates.add(Path.of("..", "..", "shared", "data", FILE));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    String message = FILE + " not found; looked in " + candidates + " (set LANYARD_TEST_DATA)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
    return null;
  }

  /** Reads each line's name and the exact text of its document object. */
  private static List<ManagedPolicy> load(Path file) throws IOException {
    JsonFactory json = new JsonFactory();
    List<ManagedPolicy> policies = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String name = null;
        String document = null;
        try (JsonParser parser = json.createParser(line)) {
          parser.nextToken();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("name")) {
              name = parser.getText();
            } else if (field.equals("document")) {
              int start = (int) parser.currentTokenLocation().getCharOffset();
              if (value == JsonToken.VALUE_STRING) {
                document = parser.getText();
              } else {
                parser.skipChildren();
                document = line.substring(start, (int) parser.currentLocation().getCharOffset());
              }
            } else {
              parser.skipChildren();
            }
          }
        }
        policies.add(new ManagedPolicy(name, document));
      }
    }
    return policies;
  }
}
