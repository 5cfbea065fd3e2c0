package dev.lanyard.bench.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The AWS managed policies data file ({@value #FILE_NAME}, one JSON object per line with
 * {@code name} and {@code document}). Its folder comes from the system property
 * {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT}, else
 * {@code ../shared/data} relative to the working directory. Either setting may also name the file
 * itself.
 */
public final class ManagedPolicyFile {

  /** The data file's name. */
  public static final String FILE_NAME = "aws-managed-policies.jsonl.gz";
  /** System property naming the data folder. */
  public static final String PROPERTY = "lanyard.data";
  /** Environment variable naming the data folder. */
  public static final String ENVIRONMENT = "LANYARD_TEST_DATA";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ManagedPolicyFile() {}

  /**
   * The data file's path.
   *
   * @throws IllegalStateException when the file is not where the settings point
   */
  public static Path locate() {
    String property = System.getProperty(PROPERTY);
    String environment = System.getenv(ENVIRONMENT);
    String setting;
    String source;
    if (property != null && !property.isBlank()) {
      setting = property;
      source = "system property " + PROPERTY;
    } else if (environment != null && !environment.isBlank()) {
      setting = environment;
      source = "environment variable " + ENVIRONMENT;
    } else {
      setting = Path.of("..", "shared", "data").toString();
      source = "the default ../shared/data relative to the working directory";
    }
    Path path = Path.of(setting);
    Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(FILE_NAME + " not found at " + file.toAbsolutePath().normalize()
          + " (from " + source + "); set -D" + PROPERTY + "=DIR or " + ENVIRONMENT
          + "=DIR to the folder that holds it");
    }
    return file;
  }

  /** Every policy in the file, in file order. */
  public static List<ManagedPolicySource> read(Path file) throws IOException {
    List<ManagedPolicySource> out = new ArrayList<>(1600);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JSON.readTree(line);
        JsonNode name = node.get("name");
        JsonNode document = node.get("document");
        if (name == null || !name.isTextual() || document == null || !document.isObject()) {
          throw new IOException(file + " line " + number
              + ": expected an object with a string \"name\" and an object \"document\"");
        }
        out.add(new ManagedPolicySource(name.asText(), document.toString()));
      }
    }
    return out;
  }

  /**
   * The named policy from a list read by {@link #read}.
   *
   * @throws IllegalArgumentException when no policy has that name
   */
  public static ManagedPolicySource find(List<ManagedPolicySource> policies, String name) {
    for (ManagedPolicySource p : policies) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("managed policy \"" + name + "\" is not in " + FILE_NAME
        + " (" + policies.size() + " policies read)");
  }
}
