package dev.lanyard.policy.testdata;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The 1,523 AWS managed policies of {@code shared/data/aws-managed-policies.jsonl.gz}, for tests:
 * found through {@code LANYARD_TEST_DATA} (set by surefire) or next to the repository. Missing data
 * fails the test under {@code CI=true} and skips it otherwise.
 */
public final class AwsManagedPolicyData {
  public static final String FILE = "aws-managed-policies.jsonl.gz";
  public static final int EXPECTED_POLICIES = 1_523;

  /** One line of the data file: the policy's name and its document's exact text. */
  public record ManagedPolicy(String name, String document) {}

  private AwsManagedPolicyData() {}

  /** Every policy, in file order. */
  public static List<ManagedPolicy> load() {
    try {
      return load(dataFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** Reads each line's name and the exact text of its document (object or string). */
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
